package org.integrationhub.sandbox.github;

import java.util.Map;
import org.integrationhub.sandbox.SandboxHarness;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code DELETE /applications/{client_id}/grant}: the app, with its own credentials, ends a user's grant. */
class GitHubGrantDeletionTest {

    private final WebTestClient http = SandboxHarness.http();

    private WebTestClient.ResponseSpec deleteGrant(String clientId, String secret, String token) {
        return http.method(HttpMethod.DELETE).uri("/github/api/applications/" + clientId + "/grant")
                .headers(h -> h.setBasicAuth(clientId, secret)).bodyValue(Map.of("access_token", token)).exchange();
    }

    @Test
    void deletingTheGrantEndsTheToken() {
        String token = GitHubOAuth.token(http, null);
        http.get().uri("/github/api/user").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();

        deleteGrant(GitHubOAuth.CLIENT_ID, GitHubOAuth.CLIENT_SECRET, token).expectStatus().isNoContent();

        http.get().uri("/github/api/user").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isUnauthorized();
        deleteGrant(GitHubOAuth.CLIENT_ID, GitHubOAuth.CLIENT_SECRET, token).expectStatus().isEqualTo(422);
    }

    @Test
    void otherClientCredentialsAreNotFound() {
        String token = GitHubOAuth.token(http, null);
        deleteGrant(GitHubOAuth.CLIENT_ID, "wrong-secret", token).expectStatus().isNotFound();
        http.get().uri("/github/api/user").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
    }
}
