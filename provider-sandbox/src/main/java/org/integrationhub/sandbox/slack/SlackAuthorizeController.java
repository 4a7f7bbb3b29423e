package org.integrationhub.sandbox.slack;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.integrationhub.sandbox.oauth.OAuthServer;
import org.integrationhub.sandbox.oauth.Provider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code https://slack.com/oauth/v2/authorize} and its consent form: {@code client_id},
 * {@code scope} (bot scopes), {@code user_scope}, {@code redirect_uri} (exactly a registered one;
 * the first when absent), {@code state}, optional PKCE (S256). An unknown client or redirect URI
 * gets an HTML error page (400), never a redirect. Allow redirects with {@code code} and
 * {@code state}, Cancel with {@code error=access_denied}. {@code sandbox_auto_approve=true} skips
 * the page ({@code sandbox_user=<Slack user id>}, default the first person).
 */
@RestController
class SlackAuthorizeController {

    static final String PATH = "/slack/oauth/v2/authorize";

    private final SlackApp app;
    private final OAuthServer oauth;
    private final SlackInstalls installs;

    SlackAuthorizeController(SlackApp app, OAuthServer oauth, SlackInstalls installs) {
        this.app = app;
        this.oauth = oauth;
        this.installs = installs;
    }

    @GetMapping(PATH)
    ResponseEntity<String> authorize(@RequestParam Map<String, String> query) {
        Map<String, String> request = new HashMap<>(query);
        Optional<ResponseEntity<String>> refused = refuse(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (SlackApp.normalizeScope(request.get("scope")).isEmpty() && SlackApp.normalizeScope(request.get("user_scope")).isEmpty()) {
            return redirect(request, Map.of("error", "invalid_scope"));
        }
        String method = blankToNull(request.get("code_challenge_method"));
        if (blankToNull(request.get("code_challenge")) != null && method != null && !"S256".equals(method)) {
            return redirect(request, Map.of("error", "invalid_code_challenge_method"));
        }
        String hint = blankToNull(request.get("sandbox_user"));
        if ("true".equalsIgnoreCase(request.get("sandbox_auto_approve"))) {
            Optional<SandboxPerson> person = hint == null ? Optional.of(app.people().get(0)) : app.person(hint);
            if (person.isEmpty()) {
                return page(HttpStatus.BAD_REQUEST, SlackConsentPage.error("Unknown user", "No sandbox user has the id " + hint + "."));
            }
            return approve(request, person.get());
        }
        return page(HttpStatus.OK, SlackConsentPage.consent(request, app.teamName(), app.people(), hint));
    }

    @PostMapping(path = SlackConsentPage.DECISION_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<String>> decide(ServerWebExchange exchange) {
        return exchange.getFormData().map(MultiValueMap::toSingleValueMap).map(form -> {
            Map<String, String> request = new HashMap<>(form);
            Optional<ResponseEntity<String>> refused = refuse(request);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (!"allow".equals(request.get("decision"))) {
                return redirect(request, Map.of("error", "access_denied"));
            }
            Optional<SandboxPerson> person = app.person(request.get("user"));
            if (person.isEmpty()) {
                return page(HttpStatus.BAD_REQUEST, SlackConsentPage.error("Unknown user", "Choose one of the sandbox users."));
            }
            return approve(request, person.get());
        });
    }

    private ResponseEntity<String> approve(Map<String, String> request, SandboxPerson person) {
        String botScope = SlackApp.normalizeScope(request.get("scope"));
        String userScope = SlackApp.normalizeScope(request.get("user_scope"));
        String challenge = blankToNull(request.get("code_challenge"));
        boolean bot = !botScope.isEmpty();
        String code = oauth.issueCode(Provider.SLACK, request.get("client_id"), request.get("redirect_uri"), bot ? botScope : userScope,
                challenge, challenge == null ? null : "S256", (bot ? SlackTokens.BOT : SlackTokens.USER) + person.slackUserId());
        if (bot && !userScope.isEmpty()) {
            installs.remember(code, userScope);
        }
        return redirect(request, Map.of("code", code));
    }

    private Optional<ResponseEntity<String>> refuse(Map<String, String> request) {
        if (!app.knowsClient(request.get("client_id"))) {
            return Optional.of(page(HttpStatus.BAD_REQUEST, SlackConsentPage.error("invalid_client_id",
                    "No Slack app has the client_id " + request.get("client_id") + ".")));
        }
        String redirectUri = blankToNull(request.get("redirect_uri"));
        if (redirectUri == null) {
            request.put("redirect_uri", app.defaultRedirectUri());
        } else if (!app.registered(redirectUri)) {
            return Optional.of(page(HttpStatus.BAD_REQUEST, SlackConsentPage.error("bad_redirect_uri",
                    "redirect_uri did not match any configured URIs: " + redirectUri)));
        }
        return Optional.empty();
    }

    private static ResponseEntity<String> redirect(Map<String, String> request, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>();
        if (params.containsKey("code")) {
            all.put("code", params.get("code"));
        }
        if (params.containsKey("error")) {
            all.put("error", params.get("error"));
        }
        String state = request.get("state");
        if (state != null && !state.isEmpty()) {
            all.put("state", state);
        }
        StringBuilder location = new StringBuilder(request.get("redirect_uri"));
        char separator = location.indexOf("?") >= 0 ? '&' : '?';
        for (Map.Entry<String, String> entry : all.entrySet()) {
            location.append(separator).append(entry.getKey()).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(location.toString()))
                .cacheControl(CacheControl.noStore()).build();
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(html);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
