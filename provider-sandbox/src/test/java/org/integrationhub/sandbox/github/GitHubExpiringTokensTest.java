package org.integrationhub.sandbox.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.sandbox.github.GitHubOAuth.CLIENT_ID;
import static org.integrationhub.sandbox.github.GitHubOAuth.CLIENT_SECRET;
import static org.integrationhub.sandbox.github.GitHubOAuth.JSON;

import java.util.Map;
import org.integrationhub.sandbox.ProviderSandbox;
import org.integrationhub.sandbox.SandboxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** A sandbox of its own, playing a GitHub App's expiring user tokens. */
class GitHubExpiringTokensTest {

    private static ProviderSandbox sandbox;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        sandbox = ProviderSandbox.start(0, "sandbox.github.expiring-tokens=true");
        http = SandboxHarness.http(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void codeExchangeGivesAnEightHourTokenAndASixMonthRefreshToken() {
        Map<String, Object> token = redeem(GitHubOAuth.code(http, null, null));

        assertThat(token).containsEntry("expires_in", 28800).containsEntry("refresh_token_expires_in", 15897600)
                .containsEntry("token_type", "bearer");
        assertThat((String) token.get("refresh_token")).isNotBlank();
    }

    @Test
    void refreshRotatesTheRefreshTokenAndTheOldOneIsDeadAtOnce() {
        Map<String, Object> first = redeem(GitHubOAuth.code(http, null, null));

        Map<String, Object> second = refresh((String) first.get("refresh_token"));
        assertThat(second).containsKeys("access_token", "refresh_token").containsEntry("expires_in", 28800);
        assertThat(second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
        assertThat(second.get("access_token")).isNotEqualTo(first.get("access_token"));
        http.get().uri("/github/api/user").header("Authorization", "Bearer " + second.get("access_token")).exchange()
                .expectStatus().isOk();

        assertThat(refresh((String) first.get("refresh_token"))).as("rotated-out refresh token")
                .containsEntry("error", "bad_refresh_token");
    }

    @Test
    void expiredAccessTokenIsBadCredentials() {
        Map<String, Object> token = redeem(GitHubOAuth.code(http, null, null));
        http.post().uri("/sandbox/oauth/github/expire-access-tokens").exchange().expectStatus().isNoContent();

        http.get().uri("/github/api/user").header("Authorization", "token " + token.get("access_token")).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.message").isEqualTo("Bad credentials");
    }

    private static Map<String, Object> redeem(String code) {
        return post(BodyInserters.fromFormData("client_id", CLIENT_ID).with("client_secret", CLIENT_SECRET).with("code", code));
    }

    private static Map<String, Object> refresh(String refreshToken) {
        return post(BodyInserters.fromFormData("client_id", CLIENT_ID).with("client_secret", CLIENT_SECRET)
                .with("grant_type", "refresh_token").with("refresh_token", refreshToken));
    }

    private static Map<String, Object> post(BodyInserters.FormInserter<String> form) {
        return http.post().uri("/github/web/login/oauth/access_token").accept(MediaType.APPLICATION_JSON).body(form)
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }
}
