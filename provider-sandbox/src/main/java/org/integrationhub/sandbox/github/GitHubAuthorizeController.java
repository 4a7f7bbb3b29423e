package org.integrationhub.sandbox.github;

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
 * {@code https://github.com/login/oauth/authorize} and its consent form. An unknown client or a
 * redirect URI that is not exactly a registered callback gets an HTML error page (400), never a
 * redirect; GitHub uses the first registered callback when {@code redirect_uri} is absent. The
 * decision redirects with {@code code} and {@code state}, or {@code error=access_denied}.
 * {@code sandbox_auto_approve=true} skips the page (user: {@code sandbox_user} or GitHub's own
 * {@code login} hint, default the first person).
 */
@RestController
class GitHubAuthorizeController {

    static final String PATH = "/github/web/login/oauth/authorize";
    private static final String ACCESS_DENIED_DOCS =
            "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#access-denied";

    private final GitHubApp app;
    private final OAuthServer oauth;

    GitHubAuthorizeController(GitHubApp app, OAuthServer oauth) {
        this.app = app;
        this.oauth = oauth;
    }

    @GetMapping(PATH)
    ResponseEntity<String> authorize(@RequestParam Map<String, String> query) {
        Map<String, String> request = new HashMap<>(query);
        Optional<ResponseEntity<String>> refused = refuse(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        String method = blankToNull(request.get("code_challenge_method"));
        if (blankToNull(request.get("code_challenge")) != null && method != null && !"S256".equals(method)) {
            return redirect(request, Map.of("error", "invalid_request",
                    "error_description", "code_challenge_method must be S256"));
        }
        String hint = blankToNull(request.getOrDefault("sandbox_user", request.get("login")));
        if ("true".equalsIgnoreCase(request.get("sandbox_auto_approve"))) {
            Optional<SandboxPerson> person = hint == null ? Optional.of(app.people().get(0)) : app.person(hint);
            if (person.isEmpty()) {
                return page(HttpStatus.BAD_REQUEST, GitHubConsentPage.error("Unknown user", "No sandbox user has the login " + hint + "."));
            }
            return approve(request, person.get());
        }
        return page(HttpStatus.OK, GitHubConsentPage.consent(request, app.people(), hint));
    }

    @PostMapping(path = GitHubConsentPage.DECISION_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<String>> decide(ServerWebExchange exchange) {
        return exchange.getFormData().map(MultiValueMap::toSingleValueMap).map(form -> {
            Map<String, String> request = new HashMap<>(form);
            Optional<ResponseEntity<String>> refused = refuse(request);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (!"authorize".equals(request.get("decision"))) {
                return redirect(request, Map.of("error", "access_denied",
                        "error_description", "The user has denied your application access.",
                        "error_uri", ACCESS_DENIED_DOCS));
            }
            Optional<SandboxPerson> person = app.person(request.get("login"));
            if (person.isEmpty()) {
                return page(HttpStatus.BAD_REQUEST, GitHubConsentPage.error("Unknown user", "Choose one of the sandbox users."));
            }
            return approve(request, person.get());
        });
    }

    private ResponseEntity<String> approve(Map<String, String> request, SandboxPerson person) {
        String challenge = blankToNull(request.get("code_challenge"));
        String code = oauth.issueCode(Provider.GITHUB, request.get("client_id"), request.get("redirect_uri"),
                GitHubApp.normalizeScope(request.get("scope")), challenge, challenge == null ? null : "S256", person.githubLogin());
        return redirect(request, Map.of("code", code));
    }

    /** Checks client and redirect URI (filling in the default callback); a refusal is an HTML page, not a redirect. */
    private Optional<ResponseEntity<String>> refuse(Map<String, String> request) {
        if (!app.knowsClient(request.get("client_id"))) {
            return Optional.of(page(HttpStatus.BAD_REQUEST, GitHubConsentPage.error("Application not found",
                    "No OAuth application has the client_id " + request.get("client_id") + ".")));
        }
        String redirectUri = blankToNull(request.get("redirect_uri"));
        if (redirectUri == null) {
            request.put("redirect_uri", app.defaultRedirectUri());
        } else if (!app.registered(redirectUri)) {
            return Optional.of(page(HttpStatus.BAD_REQUEST, GitHubConsentPage.error("Redirect URI mismatch",
                    "The redirect_uri is not associated with this application: " + redirectUri)));
        }
        return Optional.empty();
    }

    private static ResponseEntity<String> redirect(Map<String, String> request, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String name : new String[] {"code", "error", "error_description", "error_uri"}) {
            if (params.containsKey(name)) {
                all.put(name, params.get(name));
            }
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

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
