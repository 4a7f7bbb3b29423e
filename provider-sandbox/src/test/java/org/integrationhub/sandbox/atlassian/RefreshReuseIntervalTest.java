package org.integrationhub.sandbox.atlassian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.CLIENT_ID;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.CLIENT_SECRET;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.JIRA_SCOPES;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.JSON;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.integrationhub.sandbox.ProviderSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A sandbox of its own whose refresh tokens may be reused for one second only. */
class RefreshReuseIntervalTest {

    private static ProviderSandbox sandbox;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        sandbox = ProviderSandbox.start(0, "sandbox.refresh-reuse-interval=PT1S");
        http = AtlassianSandbox.http(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void refreshTokenReusedAfterTheIntervalRevokesTheFamily() {
        String first = (String) AtlassianSandbox.tokens(http, JIRA_SCOPES).get("refresh_token");
        Map<String, Object> rotated = refresh(first).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        Instant rotatedAt = Instant.now();
        await("the reuse interval to pass").atMost(Duration.ofSeconds(5))
                .until(() -> Instant.now().isAfter(rotatedAt.plus(Duration.ofMillis(1200))));

        refresh(first).expectStatus().isForbidden().expectBody().jsonPath("$.error").isEqualTo("invalid_grant");

        refresh((String) rotated.get("refresh_token")).expectStatus().isForbidden().expectBody().jsonPath("$.error")
                .isEqualTo("invalid_grant");
        assertThat(rotated.get("refresh_token")).isNotEqualTo(first);
    }

    private static WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post().uri("/atlassian/auth/oauth/token").bodyValue(Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "refresh_token", refreshToken)).exchange();
    }
}
