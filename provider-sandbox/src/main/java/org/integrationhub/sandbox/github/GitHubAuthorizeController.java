package org.integrationhub.sandbox.github;

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
    static final String DECISION_PATH = PATH + "/decision";
    private static final String ACCESS_DENIED_DOCS =
            "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#access-denied";
    private static final AuthorizeFlow.Wording WORDING = new AuthorizeFlow.Wording(
            "Application not found", "No OAuth application has the client_id %s.",
            "Redirect URI mismatch", "The redirect_uri is not associated with this application: %s",
            "No sandbox user has the login %s.");
    private static final AuthorizeFlow.Decision DECISION = new AuthorizeFlow.Decision("authorize", "login",
            Map.of("error", "access_denied", "error_description", "The user has denied your application access.",
                    "error_uri", ACCESS_DENIED_DOCS));

    private final AuthorizeFlow flow;

    GitHubAuthorizeController(GitHubApp app, OAuthServer oauth) {
        this.flow = new AuthorizeFlow(app, new GitHubConsent(app, oauth), WORDING, DECISION);
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
