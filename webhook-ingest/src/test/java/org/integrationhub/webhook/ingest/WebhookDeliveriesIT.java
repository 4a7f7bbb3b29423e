package org.integrationhub.webhook.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.IdempotencyKeys;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.Topics;
import org.integrationhub.events.WebhookReceived;
import org.integrationhub.support.crypto.WebhookSecretSeal;
import org.integrationhub.support.kafka.EventPublisher;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.KafkaProbe;
import org.integrationhub.testsupport.TestTokens;
import org.integrationhub.webhook.connections.ConnectionView;
import org.integrationhub.webhook.connections.ConnectionViewLoader;
import org.integrationhub.webhook.ingest.TestConnections.Known;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** The webhook endpoint on real Kafka: what is published for each provider, and that nothing is for a rejection. */
@HubIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WebhookDeliveriesIT {

    private static final String SECRET = "per-connection-webhook-secret";
    private static final String SLACK_APP_SECRET = "sandbox-slack-signing-secret";
    private static final String ATLASSIAN_CLIENT_SECRET = "sandbox-atlassian-secret";

    private static KafkaProbe<ConnectionId, WebhookReceived> deliveries;

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    WebhookSecretSeal seal;
    @Autowired
    ConnectionView view;
    @Autowired
    KafkaProperties kafka;

    private TestConnections connections;
    private WebTestClient http;

    @BeforeAll
    static void probe() {
        deliveries = KafkaProbe.on(Topics.WEBHOOK_DELIVERIES);
    }

    @AfterAll
    static void closeProbe() {
        deliveries.close();
    }

    @BeforeEach
    void setUp() {
        connections = new TestConnections(publisher, seal, view);
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    private WebTestClient.ResponseSpec post(String path, MediaType type, byte[] body, Consumer<HttpHeaders> headers) {
        return http.post().uri(path).contentType(type).headers(headers).bodyValue(body).exchange();
    }

    private List<KafkaProbe.Received<ConnectionId, WebhookReceived>> publishedFor(Known connection, int count) {
        return deliveries.awaitMatching(r -> connection.id().equals(r.key()), count, Duration.ofSeconds(20));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aGitHubDeliveryIsPublishedOnceWithItsKeyEnvelopeAndDeliveryIdBeforeTheAnswer() {
        Known github = connections.announce(ExternalSystem.GITHUB, "oauth", SECRET);
        byte[] body = bytes("{\"action\":\"opened\",\"issue\":{\"id\":1,\"number\":7,\"title\":\"Webhooks\"}}");
        String deliveryId = UUID.randomUUID().toString();

        post("/webhooks/github/" + github.id(), MediaType.APPLICATION_JSON, body, h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-GitHub-Delivery", deliveryId);
            h.set("X-GitHub-Hook-ID", "42");
            h.set("X-Hub-Signature-256", Signing.github(SECRET, body));
            h.set("User-Agent", "GitHub-Hookshot/abc123");
        }).expectStatus().isOk()
                .expectBody().jsonPath("$.data.deliveryId").isEqualTo(deliveryId).jsonPath("$.data.eventId").isNotEmpty();

        var record = publishedFor(github, 1).get(0);
        assertThat(record.raw().key()).isEqualTo(github.id().toString());
        assertThat(record.envelope().type()).isEqualTo(EventTypes.WEBHOOK_RECEIVED.name());
        assertThat(record.envelope().orgId()).as("the organisation comes from the connection").isEqualTo(github.orgId());
        assertThat(record.envelope().idempotencyKey()).isEqualTo("webhook:github:" + github.id() + ":" + deliveryId);
        WebhookReceived received = record.envelope().payload();
        assertThat(received.provider()).isEqualTo(ExternalSystem.GITHUB);
        assertThat(received.deliveryId()).isEqualTo(deliveryId);
        assertThat(received.providerEventType()).isEqualTo("issues");
        assertThat(received.body()).as("the raw bytes, untouched").isEqualTo(body);
        assertThat(received.contentType()).startsWith("application/json");
        assertThat(received.receivedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(received.headers()).containsEntry("x-github-event", "issues").containsEntry("x-github-delivery", deliveryId)
                .containsEntry("x-github-hook-id", "42").doesNotContainKey("x-hub-signature-256");

        assertThat(deliveries.drain(Duration.ofSeconds(1)).stream().filter(r -> github.id().equals(r.key())))
                .as("published exactly once").hasSize(1);
    }

    @Test
    void theOrganisationSeesItsDeliveriesByProviderAndOutcome() {
        Known github = connections.announce(ExternalSystem.GITHUB, "oauth", SECRET);
        for (String signedWith : new String[] {SECRET, SECRET, "not-the-secret"}) {
            byte[] body = bytes("{\"action\":\"opened\",\"issue\":{\"id\":" + UUID.randomUUID().hashCode() + "}}");
            post("/webhooks/github/" + github.id(), MediaType.APPLICATION_JSON, body, h -> {
                h.set("X-GitHub-Event", "issues");
                h.set("X-GitHub-Delivery", UUID.randomUUID().toString());
                h.set("X-Hub-Signature-256", Signing.github(signedWith, body));
            }).expectStatus().value(status -> assertThat(status).isIn(200, 401));
        }
        java.util.function.Supplier<WebTestClient.Builder> client = () -> WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30));

        client.get().defaultHeaders(h -> h.setBearerAuth(TestTokens.shared().user(UUID.randomUUID(), github.orgId()))).build()
                .get().uri("/api/webhooks/stats").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.since").isNotEmpty()
                .jsonPath("$.data.counts.length()").isEqualTo(2)
                .jsonPath("$.data.counts[?(@.outcome == 'accepted')].provider").isEqualTo("github")
                .jsonPath("$.data.counts[?(@.outcome == 'accepted')].deliveries").isEqualTo(2)
                .jsonPath("$.data.counts[?(@.outcome != 'accepted')].deliveries").isEqualTo(1);
        client.get().defaultHeaders(h -> h.setBearerAuth(TestTokens.shared().user(UUID.randomUUID(), OrgId.random()))).build()
                .get().uri("/api/webhooks/stats").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.counts.length()").isEqualTo(0);
        client.get().build().get().uri("/api/webhooks/stats").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void gitHubsFormEncodedPayloadVariantIsAccepted() {
        Known github = connections.announce(ExternalSystem.GITHUB, "oauth", SECRET);
        byte[] body = bytes("payload=" + java.net.URLEncoder.encode("{\"action\":\"closed\",\"issue\":{\"id\":2}}", StandardCharsets.UTF_8));

        post("/webhooks/github/" + github.id(), MediaType.APPLICATION_FORM_URLENCODED, body, h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-GitHub-Delivery", "form-delivery");
            h.set("X-Hub-Signature-256", Signing.github(SECRET, body));
        }).expectStatus().isOk();

        WebhookReceived received = publishedFor(github, 1).get(0).envelope().payload();
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.contentType()).startsWith("application/x-www-form-urlencoded");
    }

    @Test
    void gitHubsPingIsAnsweredAndNotPublished() {
        Known github = connections.announce(ExternalSystem.GITHUB, "oauth", SECRET);
        byte[] body = bytes("{\"zen\":\"Keep it logically awesome.\",\"hook_id\":42}");

        post("/webhooks/github/" + github.id(), MediaType.APPLICATION_JSON, body, h -> {
            h.set("X-GitHub-Event", "ping");
            h.set("X-GitHub-Delivery", UUID.randomUUID().toString());
            h.set("X-Hub-Signature-256", Signing.github(SECRET, body));
        }).expectStatus().isOk().expectBody().jsonPath("$.data.pong").isEqualTo(true);

        assertThat(deliveries.drain(Duration.ofSeconds(2)).stream().filter(r -> github.id().equals(r.key()))).isEmpty();
    }

    @Test
    void gitHubsDocumentedSignatureExampleVerifies() {
        Known github = connections.announce(ExternalSystem.GITHUB, "oauth", "It's a Secret to Everybody");

        // GitHub's example body is not JSON: a verified signature lets it through to the JSON check (400), a wrong one stops it at 401
        post("/webhooks/github/" + github.id(), MediaType.APPLICATION_JSON, bytes("Hello, World!"), h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
        }).expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("malformed_payload");
        post("/webhooks/github/" + github.id(), MediaType.APPLICATION_JSON, bytes("Hello, World!"), h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18");
        }).expectStatus().isUnauthorized();
    }

    @Test
    void aJiraAdminWebhookIsPublishedUnderItsIdentifierOrElseItsContentHash() {
        Known jira = connections.announce(ExternalSystem.JIRA, "api_token", SECRET);
        byte[] updated = bytes("{\"timestamp\":1763806530000,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"10042\",\"key\":\"OPS-42\"}}");
        byte[] created = bytes("{\"timestamp\":1763806531000,\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"id\":\"10043\",\"key\":\"OPS-43\"}}");

        post("/webhooks/jira/" + jira.id(), MediaType.parseMediaType("application/json; charset=UTF-8"), updated, h -> {
            h.set("X-Atlassian-Webhook-Identifier", "8f2c-identifier");
            h.set("X-Atlassian-Webhook-Retry", "1");
            h.set("X-Hub-Signature", Signing.jiraAdmin(SECRET, updated));
        }).expectStatus().isOk();
        post("/webhooks/jira/" + jira.id(), MediaType.APPLICATION_JSON, created,
                h -> h.set("X-Hub-Signature", Signing.jiraAdmin(SECRET, created))).expectStatus().isOk();

        var records = publishedFor(jira, 2);
        var first = records.get(0).envelope();
        assertThat(first.idempotencyKey()).isEqualTo("webhook:jira:" + jira.id() + ":8f2c-identifier");
        assertThat(first.payload().providerEventType()).isEqualTo("jira:issue_updated");
        assertThat(first.payload().headers()).containsEntry("x-atlassian-webhook-retry", "1");
        var second = records.get(1).envelope();
        assertThat(second.payload().deliveryId()).isNull();
        assertThat(second.idempotencyKey()).isEqualTo(IdempotencyKeys.webhookContent(ExternalSystem.JIRA, jira.id(), created));
    }

    @Test
    void aJiraWebhookAnOAuthConnectionRegisteredVerifiesByItsJwt() {
        Known oauth = connections.announce(ExternalSystem.JIRA, "oauth", null);
        Known apiToken = connections.announce(ExternalSystem.JIRA, "api_token", SECRET);
        byte[] body = bytes("{\"timestamp\":1763806530000,\"webhookEvent\":\"jira:issue_deleted\",\"issue\":{\"id\":\"10044\"}}");
        String valid = "Bearer " + Signing.jiraJwt(ATLASSIAN_CLIENT_SECRET, Instant.now().plusSeconds(300));

        post("/webhooks/jira/" + oauth.id(), MediaType.APPLICATION_JSON, body, h -> {
            h.set("X-Atlassian-Webhook-Identifier", "jwt-delivery");
            h.set(HttpHeaders.AUTHORIZATION, valid);
        }).expectStatus().isOk();
        post("/webhooks/jira/" + oauth.id(), MediaType.APPLICATION_JSON, body,
                h -> h.set(HttpHeaders.AUTHORIZATION, "Bearer " + Signing.jiraJwt(ATLASSIAN_CLIENT_SECRET, Instant.now().minusSeconds(300))))
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("signature_invalid");
        post("/webhooks/jira/" + oauth.id(), MediaType.APPLICATION_JSON, body,
                h -> h.set(HttpHeaders.AUTHORIZATION, "Bearer " + Signing.jiraJwt("another-app-secret", Instant.now().plusSeconds(300))))
                .expectStatus().isUnauthorized();
        // an API-token connection registered no OAuth webhook, so a JWT proves nothing about it
        post("/webhooks/jira/" + apiToken.id(), MediaType.APPLICATION_JSON, body, h -> h.set(HttpHeaders.AUTHORIZATION, valid))
                .expectStatus().isUnauthorized();

        assertThat(publishedFor(oauth, 1).get(0).envelope().payload().deliveryId()).isEqualTo("jwt-delivery");
        assertThat(deliveries.drain(Duration.ofSeconds(1)).stream()
                .filter(r -> oauth.id().equals(r.key()) || apiToken.id().equals(r.key()))).hasSize(1);
    }

    @Test
    void slackEventsAreVerifiedAndPublishedUnderTheirEventIdAndTheChallengeIsAnsweredUnpublished() {
        Known slack = connections.announce(ExternalSystem.SLACK, "oauth", null);
        long now = Instant.now().getEpochSecond();
        byte[] event = bytes("{\"type\":\"event_callback\",\"team_id\":\"T0SANDBOX\",\"event_id\":\"Ev0PV52K21\",\"event_time\":" + now
                + ",\"event\":{\"type\":\"message\",\"text\":\"hi\"}}");
        byte[] challenge = bytes("{\"type\":\"url_verification\",\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\"}");

        post("/webhooks/slack/" + slack.id(), MediaType.APPLICATION_JSON, challenge, h -> {
            h.set("X-Slack-Request-Timestamp", Long.toString(now));
            h.set("X-Slack-Signature", Signing.slack(SLACK_APP_SECRET, now, challenge));
        }).expectStatus().isOk().expectBody().jsonPath("$.challenge").isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
        post("/webhooks/slack/" + slack.id(), MediaType.APPLICATION_JSON, event, h -> {
            h.set("X-Slack-Request-Timestamp", Long.toString(now));
            h.set("X-Slack-Signature", Signing.slack(SLACK_APP_SECRET, now, event));
            h.set("X-Slack-Retry-Num", "1");
        }).expectStatus().isOk();
        long stale = now - 301;
        post("/webhooks/slack/" + slack.id(), MediaType.APPLICATION_JSON, event, h -> {
            h.set("X-Slack-Request-Timestamp", Long.toString(stale));
            h.set("X-Slack-Signature", Signing.slack(SLACK_APP_SECRET, stale, event));
        }).expectStatus().isUnauthorized().expectHeader().valueEquals("X-Slack-No-Retry", "1")
                .expectBody().jsonPath("$.code").isEqualTo("timestamp_stale");

        var published = publishedFor(slack, 1);
        assertThat(published.get(0).envelope().idempotencyKey()).isEqualTo("webhook:slack:" + slack.id() + ":Ev0PV52K21");
        assertThat(published.get(0).envelope().payload().providerEventType()).isEqualTo("message");
        assertThat(published.get(0).envelope().payload().headers()).containsEntry("x-slack-retry-num", "1");
        assertThat(deliveries.drain(Duration.ofSeconds(1)).stream().filter(r -> slack.id().equals(r.key())))
                .as("neither the challenge nor the stale delivery").hasSize(1);
    }

    @Test
    void aSlackConnectionWithItsOwnSigningSecretIsVerifiedWithThatOne() {
        Known slack = connections.announce(ExternalSystem.SLACK, "oauth", "customer-slack-app-signing-secret");
        long now = Instant.now().getEpochSecond();
        byte[] event = bytes("{\"type\":\"event_callback\",\"event_id\":\"Ev0OWN\",\"event\":{\"type\":\"app_mention\"}}");

        post("/webhooks/slack/" + slack.id(), MediaType.APPLICATION_JSON, event, h -> {
            h.set("X-Slack-Request-Timestamp", Long.toString(now));
            h.set("X-Slack-Signature", Signing.slack(SLACK_APP_SECRET, now, event));
        }).expectStatus().isUnauthorized();
        post("/webhooks/slack/" + slack.id(), MediaType.APPLICATION_JSON, event, h -> {
            h.set("X-Slack-Request-Timestamp", Long.toString(now));
            h.set("X-Slack-Signature", Signing.slack("customer-slack-app-signing-secret", now, event));
        }).expectStatus().isOk();
    }

    @Test
    void everyRejectionHasItsStatusAndCodeAndPublishesNothing() {
        Known github = connections.announce(ExternalSystem.GITHUB, "oauth", SECRET);
        Known noSecret = connections.announce(ExternalSystem.GITHUB, "oauth", null);
        Known disabled = connections.announce(ExternalSystem.GITHUB, "oauth", SECRET);
        connections.disable(disabled);
        Known deleted = connections.announce(ExternalSystem.GITHUB, "oauth", SECRET);
        connections.delete(deleted);
        byte[] body = bytes("{\"action\":\"opened\"}");
        Consumer<HttpHeaders> signed = h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-Hub-Signature-256", Signing.github(SECRET, body));
        };

        expectProblem(post("/webhooks/gitlab/" + github.id(), MediaType.APPLICATION_JSON, body, signed), 404, "unknown_provider");
        expectProblem(post("/webhooks/github/not-a-uuid", MediaType.APPLICATION_JSON, body, signed), 404, "unknown_connection");
        expectProblem(post("/webhooks/github/" + UUID.randomUUID(), MediaType.APPLICATION_JSON, body, signed), 404, "unknown_connection");
        expectProblem(post("/webhooks/github/" + disabled.id(), MediaType.APPLICATION_JSON, body, signed), 404, "unknown_connection");
        expectProblem(post("/webhooks/github/" + deleted.id(), MediaType.APPLICATION_JSON, body, signed), 404, "unknown_connection");
        expectProblem(post("/webhooks/jira/" + github.id(), MediaType.APPLICATION_JSON, body,
                h -> h.set("X-Hub-Signature", Signing.jiraAdmin(SECRET, body))), 404, "unknown_connection");
        expectProblem(post("/webhooks/github/" + github.id(), MediaType.APPLICATION_JSON, body, h -> h.set("X-GitHub-Event", "issues")),
                401, "signature_missing");
        expectProblem(post("/webhooks/github/" + github.id(), MediaType.APPLICATION_JSON, body, h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-Hub-Signature-256", Signing.github("wrong-secret", body));
        }), 401, "signature_invalid");
        expectProblem(post("/webhooks/github/" + github.id(), MediaType.APPLICATION_JSON, body, h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-Hub-Signature-256", "sha256=not-hex");
        }), 401, "signature_invalid");
        expectProblem(post("/webhooks/github/" + noSecret.id(), MediaType.APPLICATION_JSON, body, signed), 401,
                "webhook_secret_not_configured");
        byte[] notJson = bytes("{\"action\":");
        expectProblem(post("/webhooks/github/" + github.id(), MediaType.APPLICATION_JSON, notJson, h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-Hub-Signature-256", Signing.github(SECRET, notJson));
        }), 400, "malformed_payload");
        byte[] formWithoutPayload = bytes("action=opened");
        expectProblem(post("/webhooks/github/" + github.id(), MediaType.APPLICATION_FORM_URLENCODED, formWithoutPayload, h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-Hub-Signature-256", Signing.github(SECRET, formWithoutPayload));
        }), 400, "malformed_payload");
        expectProblem(post("/webhooks/github/" + github.id(), MediaType.TEXT_PLAIN, body, signed), 415, "unsupported_media_type");
        expectProblem(http.post().uri("/webhooks/github/" + github.id()).headers(signed).bodyValue(body).exchange(), 415,
                "unsupported_media_type");

        byte[] tooLarge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) ' ');
        expectProblem(post("/webhooks/github/" + github.id(), MediaType.APPLICATION_JSON, tooLarge, signed), 413, "payload_too_large");
        Flux<DataBuffer> streamed = Flux.range(0, 17).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
        expectProblem(http.post().uri("/webhooks/github/" + github.id()).contentType(MediaType.APPLICATION_JSON).headers(signed)
                .body(streamed, DataBuffer.class).exchange(), 413, "payload_too_large");

        assertThat(deliveries.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> List.of(github.id(), noSecret.id(), disabled.id(), deleted.id()).contains(r.key())))
                .as("nothing published for any rejection").isEmpty();
    }

    private static void expectProblem(WebTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code).jsonPath("$.status").isEqualTo(status);
    }

    @Test
    void aBodyExactlyAtTheLimitIsPublished() {
        Known github = connections.announce(ExternalSystem.GITHUB, "oauth", SECRET);
        String prefix = "{\"action\":\"edited\",\"pad\":\"";
        String suffix = "\"}";
        byte[] body = bytes(prefix + "x".repeat(1024 * 1024 - prefix.length() - suffix.length()) + suffix);
        assertThat(body).hasSize(1024 * 1024);

        post("/webhooks/github/" + github.id(), MediaType.APPLICATION_JSON, body, h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-GitHub-Delivery", "largest");
            h.set("X-Hub-Signature-256", Signing.github(SECRET, body));
        }).expectStatus().isOk();

        assertThat(publishedFor(github, 1).get(0).envelope().payload().body()).isEqualTo(body);
    }

    @Test
    void outcomesAreCountedPerProviderAndNeitherBodiesNorSecretsAreLogged(CapturedOutput output) {
        Known github = connections.announce(ExternalSystem.GITHUB, "oauth", SECRET);
        byte[] body = bytes("{\"action\":\"opened\",\"marker\":\"body-marker-7f3a\"}");
        post("/webhooks/github/" + github.id(), MediaType.APPLICATION_JSON, body, h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-GitHub-Delivery", "counted-delivery");
            h.set("X-Hub-Signature-256", Signing.github(SECRET, body));
        }).expectStatus().isOk();
        post("/webhooks/github/" + github.id(), MediaType.APPLICATION_JSON, body, h -> h.set("X-Hub-Signature-256", "sha256=00"))
                .expectStatus().isUnauthorized();

        String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern("hub_webhooks_deliveries_total\\{[^}]*outcome=\"accepted\",provider=\"github\"[^}]*} [1-9]")
                .containsPattern("hub_webhooks_deliveries_total\\{[^}]*outcome=\"unauthorized\",provider=\"github\"[^}]*} [1-9]");
        assertThat(output.getAll()).contains("counted-delivery").contains(github.id().toString())
                .doesNotContain("body-marker-7f3a").doesNotContain(SECRET).doesNotContain(Base64.getEncoder().encodeToString(body));
    }

    @Test
    void aNewInstanceMaterialisesEveryConnectionFromTheTopicAtStartUp() {
        Known kept = connections.announce(ExternalSystem.JIRA, "api_token", SECRET);
        Known gone = connections.announce(ExternalSystem.GITHUB, "oauth", SECRET);
        connections.delete(gone);

        ConnectionView fresh = new ConnectionView();
        ConnectionViewLoader loader = new ConnectionViewLoader(kafka.buildConsumerProperties(), fresh, seal);
        loader.start();
        try {
            org.awaitility.Awaitility.await("a fresh view catches up with integration.connections").atMost(Duration.ofSeconds(20))
                    .until(fresh::isCaughtUp);
            assertThat(fresh.find(kept.id())).hasValueSatisfying(c -> {
                assertThat(c.webhookSecret()).as("opened from its sealed form").isEqualTo(SECRET);
                assertThat(c.orgId()).isEqualTo(kept.orgId());
                assertThat(c.toString()).doesNotContain(SECRET);
            });
            assertThat(fresh.find(gone.id())).as("tombstoned").isEmpty();
        } finally {
            loader.stop();
        }
    }
}
