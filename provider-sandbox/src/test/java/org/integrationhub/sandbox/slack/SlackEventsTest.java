package org.integrationhub.sandbox.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.app_backend.SlackSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.integrationhub.sandbox.SandboxHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SlackEventsTest {

    private static final Duration DELIVERY = Duration.ofSeconds(5);
    private static final SlackSignature.Verifier VERIFIER =
            new SlackSignature.Verifier(new SlackSignature.Generator(SlackOAuth.SIGNING_SECRET));
    private static final Map<String, Object> MESSAGE = Map.of("type", "message", "channel", "C0GENERAL1", "user", "U00000001",
            "text", "Grüße from Slack ✓", "ts", "1795437000.000100");

    private final WebTestClient http = SandboxHarness.http();
    private final JsonMapper json = JsonMapper.builder().build();
    private EventReceiver receiver;

    @AfterEach
    void reset() {
        SandboxHarness.reset();
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void anEventCallbackIsSignedSoSlacksOwnVerifierAcceptsIt() throws Exception {
        receiver = new EventReceiver();
        Map<String, Object> sent = send(Map.of("url", receiver.url(), "type", "event_callback", "event", MESSAGE));

        EventReceiver.Received delivery = waitFor("event delivered").until(receiver::received, list -> !list.isEmpty()).get(0);
        assertThat(VERIFIER.isValid(delivery.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP), delivery.text(),
                delivery.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE))).isTrue();
        assertThat(Long.parseLong(delivery.header("X-Slack-Request-Timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(60L));
        assertThat(delivery.header("X-Slack-Retry-Num")).isNull();
        assertThat(delivery.header("Content-Type")).startsWith("application/json");

        JsonNode body = json.readTree(delivery.body());
        assertThat(body.get("type").asString()).isEqualTo("event_callback");
        assertThat(body.get("token").asString()).isNotBlank();
        assertThat(body.get("team_id").asString()).isEqualTo("T0SANDBOX");
        assertThat(body.get("api_app_id").asString()).isEqualTo("A0SANDBOX01");
        assertThat(body.get("event_id").asString()).startsWith("Ev").isEqualTo(sent.get("event_id"));
        assertThat(body.get("event_time").asLong()).isPositive();
        assertThat(body.at("/event/text").asString()).isEqualTo("Grüße from Slack ✓");
        assertThat(body.at("/event/type").asString()).isEqualTo("message");
    }

    @Test
    void aUrlVerificationCarriesTheChallenge() throws Exception {
        receiver = new EventReceiver();
        send(Map.of("url", receiver.url(), "type", "url_verification", "challenge", "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));

        EventReceiver.Received delivery = waitFor("verification delivered").until(receiver::received, list -> !list.isEmpty()).get(0);
        JsonNode body = json.readTree(delivery.body());
        assertThat(body.get("type").asString()).isEqualTo("url_verification");
        assertThat(body.get("challenge").asString()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
        assertThat(body.get("token").asString()).isNotBlank();
        assertThat(VERIFIER.isValid(delivery.header("X-Slack-Request-Timestamp"), delivery.text(),
                delivery.header("X-Slack-Signature"))).isTrue();
    }

    @Test
    void aFailedDeliveryIsRetriedWithItsNumberAndReason() throws Exception {
        receiver = new EventReceiver(new EventReceiver.Answer(500, Map.of(), 0));
        send(Map.of("url", receiver.url(), "type", "event_callback", "event", MESSAGE, "retryBackoffMillis", 10));

        List<EventReceiver.Received> deliveries = waitFor("first retry delivered").until(receiver::received, list -> list.size() >= 2);
        EventReceiver.Received retry = deliveries.get(1);
        assertThat(retry.header("X-Slack-Retry-Num")).isEqualTo("1");
        assertThat(retry.header("X-Slack-Retry-Reason")).isEqualTo("http_error");
        assertThat(retry.body()).isEqualTo(deliveries.get(0).body());
        assertThat(VERIFIER.isValid(retry.header("X-Slack-Request-Timestamp"), retry.text(), retry.header("X-Slack-Signature"))).isTrue();
        waitFor("no retry after the 200").during(Duration.ofMillis(300)).until(() -> receiver.received().size() == 2);
    }

    @Test
    void aTimeoutIsRetriedAsHttpTimeoutAndRetriesStopAfterThree() throws Exception {
        receiver = new EventReceiver(new EventReceiver.Answer(200, Map.of(), 1_000), new EventReceiver.Answer(503, Map.of(), 0),
                new EventReceiver.Answer(503, Map.of(), 0), new EventReceiver.Answer(503, Map.of(), 0));
        send(Map.of("url", receiver.url(), "type", "event_callback", "event", MESSAGE, "timeoutMillis", 200, "retryBackoffMillis", 10));

        List<EventReceiver.Received> deliveries = waitFor("three retries").until(receiver::received, list -> list.size() >= 4);
        assertThat(deliveries).extracting(d -> d.header("X-Slack-Retry-Num")).containsExactly(null, "1", "2", "3");
        assertThat(deliveries).extracting(d -> d.header("X-Slack-Retry-Reason")).containsExactly(null, "http_timeout", "http_error",
                "http_error");
        waitFor("no fourth retry").during(Duration.ofMillis(300)).until(() -> receiver.received().size() == 4);
    }

    @Test
    void anAnswerWithNoRetryStopsRetries() throws Exception {
        receiver = new EventReceiver(new EventReceiver.Answer(500, Map.of("X-Slack-No-Retry", "1"), 0));
        Map<String, Object> sent = send(Map.of("url", receiver.url(), "type", "event_callback", "event", MESSAGE,
                "retryBackoffMillis", 10));

        waitFor("the refused attempt recorded").until(() -> attempts().stream()
                .anyMatch(a -> sent.get("event_id").equals(a.get("eventId")) && Boolean.TRUE.equals(a.get("noRetry"))));
        waitFor("no retry").during(Duration.ofMillis(300)).until(() -> receiver.received().size() == 1);
    }

    private Map<String, Object> send(Map<String, Object> request) {
        return http.post().uri("/sandbox/slack/events").bodyValue(request).exchange().expectStatus().isAccepted()
                .expectBody(SlackOAuth.JSON).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> attempts() {
        return http.get().uri("/sandbox/slack/events/attempts").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
    }

    private static ConditionFactory waitFor(String what) {
        return await(what).atMost(DELIVERY).pollInterval(Duration.ofMillis(20));
    }
}
