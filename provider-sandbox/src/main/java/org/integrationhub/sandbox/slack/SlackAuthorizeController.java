package org.integrationhub.sandbox.slack;

import java.util.Map;
import org.integrationhub.sandbox.oauth.AuthorizeFlow;
import org.integrationhub.sandbox.oauth.OAuthServer;
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
    static final String DECISION_PATH = PATH + "/decision";
    private static final AuthorizeFlow.Wording WORDING = new AuthorizeFlow.Wording(
            "invalid_client_id", "No Slack app has the client_id %s.",
            "bad_redirect_uri", "redirect_uri did not match any configured URIs: %s",
            "No sandbox user has the id %s.");
    private static final AuthorizeFlow.Decision DECISION = new AuthorizeFlow.Decision("allow", "user", Map.of("error", "access_denied"));

    private final AuthorizeFlow flow;

    SlackAuthorizeController(SlackApp app, OAuthServer oauth, SlackInstalls installs) {
        this.flow = new AuthorizeFlow(app, new SlackConsent(app, oauth, installs), WORDING, DECISION);
    }

    @GetMapping(PATH)
    ResponseEntity<String> authorize(@RequestParam Map<String, String> query) {
        return flow.authorize(query);
    }

    @PostMapping(path = DECISION_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<String>> decide(ServerWebExchange exchange) {
        return exchange.getFormData().map(MultiValueMap::toSingleValueMap).map(flow::decide);
    }
}
