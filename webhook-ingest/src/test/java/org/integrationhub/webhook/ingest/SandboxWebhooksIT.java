package org.integrationhub.webhook.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.Topics;
import org.integrationhub.events.WebhookReceived;
import org.integrationhub.sandbox.ProviderSandbox;
import org.integrationhub.support.crypto.WebhookSecretSeal;
import org.integrationhub.support.kafka.EventPublisher;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.KafkaProbe;
import org.integrationhub.webhook.connections.ConnectionView;
import org.integrationhub.webhook.ingest.TestConnections.Known;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Real provider payloads: the provider sandbox signs and pushes Jira, GitHub and Slack webhooks to
 * webhook-ingest exactly as the providers do, and each arrives on {@code integration.webhook-deliveries}.
 */
@HubIntegrationTest
class SandboxWebhooksIT {

    private static final String SECRET = "sandbox-hook-secret";

    private static ProviderSandbox sandbox;
    private static KafkaProbe<ConnectionId, WebhookReceived> deliveries;

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    WebhookSecretSeal seal;
    @Autowired
    ConnectionView view;

    private TestConnections connections;
    private WebTestClient sandboxHttp;

    @BeforeAll
    static void startSandbox() {
        sandbox = ProviderSandbox.start(0);
        deliveries = KafkaProbe.on(Topics.WEBHOOK_DELIVERIES);
    }

    @AfterAll
    static void stopSandbox() {
        deliveries.close();
        sandbox.close();
    }

    @BeforeEach
    void setUp() {
        connections = new TestConnections(publisher, seal, view);
        sandboxHttp = WebTestClient.bindToServer().baseUrl(sandbox.baseUrl()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    private String hookUrl(String provider, Known connection) {
        return "http://localhost:" + port + "/webhooks/" + provider + "/" + connection.id();
    }

    private List<KafkaProbe.Received<ConnectionId, WebhookReceived>> publishedFor(Known connection, int count) {
        return deliveries.awaitMatching(r -> connection.id().equals(r.key()), count, Duration.ofSeconds(30));
    }

    @Test
    void gitHubsPingIsAnsweredAndItsIssueEventsArePublishedUnderTheirDeliveryGuid() {
        Known github = connections.announce(ExternalSystem.GITHUB, "oauth", SECRET);
        sandboxHttp.post().uri("/sandbox/github/webhooks")
                .bodyValue(Map.of("url", hookUrl("github", github), "secret", SECRET, "repo", "acme/api"))
                .exchange().expectStatus().isCreated();
        sandboxHttp.post().uri("/sandbox/github/repos/acme/api/issues").bodyValue(Map.of("title", "Pushed by the sandbox"))
                .exchange().expectStatus().isCreated();

        WebhookReceived received = publishedFor(github, 1).get(0).envelope().payload();
        assertThat(received.providerEventType()).as("the ping was answered, not published").isEqualTo("issues");
        List<Map<String, Object>> sent = sandboxDeliveries();
        assertThat(sent).anySatisfy(d -> {
            assertThat(d).containsEntry("event", "issues").containsEntry("id", received.deliveryId());
        });
        assertThat(new String(received.body())).contains("\"action\":\"opened\"").contains("Pushed by the sandbox");

        // a manual redelivery keeps its GUID, so it carries the same idempotency key
        sandboxHttp.post().uri("/sandbox/github/deliveries/{id}/redeliver", received.deliveryId()).exchange().expectStatus().isAccepted();
        var both = publishedFor(github, 2);
        assertThat(both).extracting(r -> r.envelope().idempotencyKey()).containsOnly(
                "webhook:github:" + github.id() + ":" + received.deliveryId());
    }

    @Test
    void aGitHubHookConfiguredForFormPayloadsIsPublished() {
        Known github = connections.announce(ExternalSystem.GITHUB, "oauth", SECRET);
        sandboxHttp.post().uri("/sandbox/github/webhooks")
                .bodyValue(Map.of("url", hookUrl("github", github), "secret", SECRET, "repo", "acme/web", "contentType", "form"))
                .exchange().expectStatus().isCreated();
        sandboxHttp.post().uri("/sandbox/github/repos/acme/web/issues").bodyValue(Map.of("title", "Form-encoded"))
                .exchange().expectStatus().isCreated();

        WebhookReceived received = publishedFor(github, 1).get(0).envelope().payload();
        assertThat(received.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(new String(received.body())).startsWith("payload=");
    }

    @Test
    void jiraAdminWebhooksArePublishedUnderTheirWebhookIdentifier() {
        Known jira = connections.announce(ExternalSystem.JIRA, "api_token", SECRET);
        sandboxHttp.post().uri("/sandbox/atlassian/webhooks")
                .bodyValue(Map.of("url", hookUrl("jira", jira), "secret", SECRET, "jqlFilter", "project = WEB"))
                .exchange().expectStatus().isCreated();
        String key = sandboxHttp.post().uri("/sandbox/atlassian/issues").bodyValue(Map.of("project", "WEB", "summary", "From Jira"))
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody().get("key").toString();
        sandboxHttp.put().uri("/sandbox/atlassian/issues/{key}", key).bodyValue(Map.of("summary", "From Jira, edited"))
                .exchange().expectStatus().isOk();

        var published = publishedFor(jira, 2);
        assertThat(published).extracting(r -> r.envelope().payload().providerEventType())
                .containsExactly("jira:issue_created", "jira:issue_updated");
        assertThat(published).allSatisfy(r -> {
            WebhookReceived received = r.envelope().payload();
            assertThat(received.deliveryId()).isNotBlank().isEqualTo(received.headers().get("x-atlassian-webhook-identifier"));
            assertThat(new String(received.body())).contains(key);
        });
    }

    @Test
    void slacksUrlVerificationIsAnsweredAndItsEventsArePublishedUnderTheirEventId() {
        Known slack = connections.announce(ExternalSystem.SLACK, "oauth", null);
        sandboxHttp.post().uri("/sandbox/slack/events")
                .bodyValue(Map.of("url", hookUrl("slack", slack), "type", "url_verification", "challenge", "sandbox-challenge"))
                .exchange().expectStatus().isAccepted();
        String eventId = sandboxHttp.post().uri("/sandbox/slack/events")
                .bodyValue(Map.of("url", hookUrl("slack", slack), "type", "event_callback",
                        "event", Map.of("type", "message", "channel", "C0SANDBOX", "text", "hello")))
                .exchange().expectStatus().isAccepted()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody().get("event_id").toString();

        var published = publishedFor(slack, 1);
        assertThat(published.get(0).envelope().payload().deliveryId()).isEqualTo(eventId);
        assertThat(published.get(0).envelope().payload().providerEventType()).isEqualTo("message");
        await("the sandbox saw both Slack deliveries answered 200").atMost(Duration.ofSeconds(10)).until(() ->
                sandboxHttp.get().uri("/sandbox/slack/events/attempts").exchange()
                        .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody()
                        .stream().filter(a -> hookUrl("slack", slack).equals(a.get("url")))
                        .filter(a -> Integer.valueOf(200).equals(a.get("status"))).count() == 2);
        assertThat(deliveries.drain(Duration.ofSeconds(1)).stream().filter(r -> slack.id().equals(r.key())))
                .as("the challenge is not an event").hasSize(1);
    }

    private List<Map<String, Object>> sandboxDeliveries() {
        return sandboxHttp.get().uri("/sandbox/github/deliveries").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
    }
}
