package org.integrationhub.sandbox.atlassian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.CLIENT_ID;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.CLIENT_SECRET;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.JIRA_SCOPES;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.basic;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.http;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.siteApi;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.tokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fault knobs tests and benchmarks turn: server-error bursts, latency, dead tokens, odd webhook deliveries. */
class FaultKnobsTest {

    @AfterEach
    void reset() {
        http().post().uri("/sandbox/reset").exchange().expectStatus().isNoContent();
    }

    private int searchStatus() {
        return http().get().uri(b -> b.path(siteApi() + "/search/jql").queryParam("jql", "{jql}").queryParam("maxResults", 1)
                        .build("project = PROJ"))
                .header("Authorization", basic()).exchange().returnResult(Void.class).getStatus().value();
    }

    @Test
    void aBurstOfServerErrorsEndsAndThenCallsSucceed() {
        http().post().uri("/sandbox/faults/atlassian").bodyValue(Map.of("serverErrors", 2, "serverErrorStatus", 503))
                .exchange().expectStatus().isNoContent();
        assertThat(List.of(searchStatus(), searchStatus(), searchStatus())).containsExactly(503, 503, 200);
    }

    @Test
    void addedLatencyDelaysEveryCall() {
        http().post().uri("/sandbox/faults/atlassian").bodyValue(Map.of("latencyMillis", 300)).exchange().expectStatus().isNoContent();
        long started = System.nanoTime();
        assertThat(searchStatus()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void revokedRefreshTokensAnswer403InvalidGrant() {
        String refresh = (String) tokens(http(), JIRA_SCOPES).get("refresh_token");
        http().post().uri("/sandbox/oauth/atlassian/revoke-refresh-tokens").exchange().expectStatus().isNoContent();
        http().post().uri("/atlassian/auth/oauth/token")
                .bodyValue(Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
                        "refresh_token", refresh))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
    }

    @Test
    void expiredAccessTokensAreRefusedUntilRefreshed() {
        Map<String, Object> pair = tokens(http(), JIRA_SCOPES);
        String api = AtlassianSandbox.jiraApi() + "/myself";
        http().get().uri(api).headers(h -> h.setBearerAuth((String) pair.get("access_token"))).exchange().expectStatus().isOk();
        http().post().uri("/sandbox/oauth/atlassian/expire-access-tokens").exchange().expectStatus().isNoContent();
        http().get().uri(api).headers(h -> h.setBearerAuth((String) pair.get("access_token"))).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void duplicateDeliveriesCarryTheSameIdentifier() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            registerAdminWebhook(receiver);
            http().post().uri("/sandbox/webhooks/behaviour").bodyValue(Map.of("duplicates", true)).exchange().expectStatus().isNoContent();
            createIssue("Twice, please");
            await("both copies of the delivery").atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(receiver.received()).hasSize(2));
            assertThat(receiver.received()).extracting(r -> r.header("X-Atlassian-Webhook-Identifier")).doesNotContainNull()
                    .containsOnly(receiver.received().get(0).header("X-Atlassian-Webhook-Identifier"));
        }
    }

    @Test
    void outOfOrderDeliveriesArriveNewestFirst() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            registerAdminWebhook(receiver);
            http().post().uri("/sandbox/webhooks/behaviour").bodyValue(Map.of("outOfOrder", true)).exchange().expectStatus().isNoContent();
            createIssue("First");
            createIssue("Second");
            await("both deliveries").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(receiver.received()).hasSize(2));
            assertThat(receiver.received()).extracting(r -> summaryOf(r.json())).containsExactly("Second", "First");
        }
    }

    @SuppressWarnings("unchecked")
    private static String summaryOf(Map<String, Object> payload) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) payload.get("issue")).get("fields")).get("summary");
    }

    private static void registerAdminWebhook(WebhookReceiver receiver) {
        http().post().uri("/sandbox/atlassian/webhooks").bodyValue(Map.of("url", receiver.url("/hook"), "secret", "knob-secret"))
                .exchange().expectStatus().isCreated();
    }

    private static void createIssue(String summary) {
        http().post().uri("/sandbox/atlassian/issues").bodyValue(Map.of("project", "PROJ", "summary", summary)).exchange()
                .expectStatus().isCreated();
    }
}
