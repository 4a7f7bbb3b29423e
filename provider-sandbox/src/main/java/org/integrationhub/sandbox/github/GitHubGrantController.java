package org.integrationhub.sandbox.github;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.integrationhub.sandbox.oauth.OAuthServer;
import org.integrationhub.sandbox.oauth.Provider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE https://api.github.com/applications/{client_id}/grant} with HTTP Basic
 * {@code client_id:client_secret} and {@code {"access_token": …}}: deletes the app's grant, so the
 * token stops working. 204; 404 for other client credentials; 422 for a token that is not valid.
 * (Not behind {@link GitHubApiFilter}: it authenticates the app, not a user token.)
 */
@RestController
class GitHubGrantController {

    static final String PREFIX = "/github/api/applications/";

    private final GitHubApp app;
    private final OAuthServer oauth;

    GitHubGrantController(GitHubApp app, OAuthServer oauth) {
        this.app = app;
        this.oauth = oauth;
    }

    @DeleteMapping("/github/api/applications/{clientId}/grant")
    ResponseEntity<Map<String, Object>> deleteGrant(@PathVariable String clientId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) Map<String, Object> body) {
        String[] credentials = basic(authorization);
        if (credentials == null || !credentials[0].equals(clientId) || !app.authenticates(credentials[0], credentials[1])) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "Not Found",
                    "documentation_url", "https://docs.github.com/rest/apps/oauth-applications#delete-an-app-authorization"));
        }
        Object token = body == null ? null : body.get("access_token");
        if (!(token instanceof String value) || oauth.authenticate(Provider.GITHUB, value).isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("message", "Validation Failed"));
        }
        oauth.revoke(value);
        return ResponseEntity.noContent().build();
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
