package org.integrationhub.connector.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.connector.ConnectorApi.read;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.integrationhub.connector.ConnectorApi;
import org.integrationhub.connector.ConnectorServiceApplication;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ConnectionSnapshot;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.SealedSecret;
import org.integrationhub.events.Topics;
import org.integrationhub.support.crypto.KeyRing;
import org.integrationhub.support.crypto.WebhookSecretSeal;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.KafkaProbe;
import org.integrationhub.testsupport.PostgresEndpoint;
import org.integrationhub.testsupport.RealInfrastructureInitializer;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The internal credentials endpoint, re-encryption under a new key after which the old key can go,
 * and re-announcing webhook secrets under a new webhook sealing key.
 */
@HubIntegrationTest
class CredentialsIT {

    /** The key of src/test/resources/config/application.yml. */
    private static final String TEST_KEY = "dGVzdC1vbmx5LWNyZWRlbnRpYWwta2V5LTMyLWJ5dGU=";
    private static final String NEW_KEY = Base64.getEncoder().encodeToString("a-brand-new-32-byte-key-for-aes!".getBytes(StandardCharsets.UTF_8));
    /** The webhook sealing key of src/test/resources/config/application.yml. */
    private static final String TEST_WEBHOOK_KEY = "dGVzdC1vbmx5LXdlYmhvb2stc2VhbGluZy1rZXktMzI=";
    private static final String NEW_WEBHOOK_KEY = Base64.getEncoder()
            .encodeToString("next-webhook-sealing-key-32bytes".getBytes(StandardCharsets.UTF_8));
    private static final Duration AT_MOST = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    private final OrgId org = OrgId.random();

    private ConnectorApi api() {
        return new ConnectorApi(port);
    }

    @Test
    void aServiceWithTheScopeGetsTheAuthorizationHeaderAndNothingIsCached() {
        String id = api().createJira(org, "admin@acme.example");
        String authorization = read(api().asService("sync-worker", "credentials:read").get()
                .uri("/internal/connections/" + id + "/credentials").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody().jsonPath("$.data.type").isEqualTo("jira"), "$.data.authorization");
        assertThat(new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8))
                .isEqualTo("admin@acme.example:" + ConnectorApi.JIRA_TOKEN);
    }

    @Test
    void nobodyElseGetsCredentials() {
        String id = api().createJira(org, "admin@acme.example");
        api().as(org).get().uri("/internal/connections/" + id + "/credentials").exchange().expectStatus().isForbidden();
        api().asService("sync-worker").get().uri("/internal/connections/" + id + "/credentials").exchange().expectStatus().isForbidden();
        api().asService("sync-worker", "credentials:read").get().uri("/internal/connections/" + UUID.randomUUID() + "/credentials")
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void resealingUnderANewKeyLetsTheOldKeyBeRemoved() throws Exception {
        String id = api().createJira(org, "rotate@acme.example");
        assertThat(storedToken(id)).startsWith("v1:test-key:");

        try (var both = start("hub.connector.credentials.active-key-id=new-key",
                "hub.connector.credentials.keys[0].id=new-key", "hub.connector.credentials.keys[0].secret=" + NEW_KEY,
                "hub.connector.credentials.keys[1].id=test-key", "hub.connector.credentials.keys[1].secret=" + TEST_KEY)) {
            new ConnectorApi(portOf(both)).asService("ops-cli", "credentials:rotate").post().uri("/internal/credentials/reseal")
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.data.activeKeyId").isEqualTo("new-key");
        }
        assertThat(storedToken(id)).startsWith("v1:new-key:");

        try (var onlyNew = start("hub.connector.credentials.keys[0].id=new-key", "hub.connector.credentials.keys[0].secret=" + NEW_KEY)) {
            new ConnectorApi(portOf(onlyNew)).asService("sync-worker", "credentials:read").get()
                    .uri("/internal/connections/" + id + "/credentials").exchange().expectStatus().isOk();
        }
    }

    @Test
    void resealingReannouncesWebhookSecretsUnderANewWebhookSealingKey() {
        try (var probe = KafkaProbe.on(Topics.CONNECTIONS)) {
            ConnectionId connection = ConnectionId.of(api().createJira(org, "webhook-rotation@acme.example"));
            SealedSecret before = probe.awaitMatching(r -> connection.equals(r.key()), 1, AT_MOST).get(0).envelope().payload()
                    .webhookSecret();
            assertThat(before.keyId()).isEqualTo("test-webhook-key");

            // The credential key stays; new-key (of the test above) only so every stored value of the shared database opens.
            try (var rotating = start("hub.connector.credentials.active-key-id=test-key",
                    "hub.connector.credentials.keys[0].id=test-key", "hub.connector.credentials.keys[0].secret=" + TEST_KEY,
                    "hub.connector.credentials.keys[1].id=new-key", "hub.connector.credentials.keys[1].secret=" + NEW_KEY,
                    "hub.webhooks.sealing.active-key-id=new-webhook-key",
                    "hub.webhooks.sealing.keys[0].id=new-webhook-key", "hub.webhooks.sealing.keys[0].secret=" + NEW_WEBHOOK_KEY,
                    "hub.webhooks.sealing.keys[1].id=test-webhook-key", "hub.webhooks.sealing.keys[1].secret=" + TEST_WEBHOOK_KEY)) {
                var operator = new ConnectorApi(portOf(rotating)).asService("ops-cli", "credentials:rotate");
                operator.post().uri("/internal/credentials/reseal").exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.data.activeWebhookKeyId").isEqualTo("new-webhook-key")
                        .jsonPath("$.data.webhookSecretsRepublished").value(Integer.class, count -> assertThat(count).isPositive());
                operator.post().uri("/internal/credentials/reseal").exchange().expectStatus().isOk();
            }

            var snapshots = probe.awaitMatching(r -> connection.equals(r.key()), 2, AT_MOST);
            ConnectionSnapshot republished = snapshots.get(1).envelope().payload();
            assertThat(republished.revision()).as("a new revision").isEqualTo(2);
            assertThat(republished.webhookSecret().keyId()).isEqualTo("new-webhook-key");
            var onlyTheNewKey = new WebhookSecretSeal(new KeyRing(null, List.of(new KeyRing.Key("new-webhook-key", NEW_WEBHOOK_KEY))));
            assertThat(onlyTheNewKey.open(connection, republished.webhookSecret())).isEqualTo(ConnectorApi.WEBHOOK_SECRET);
            assertThat(new String(snapshots.get(1).raw().value(), StandardCharsets.UTF_8)).doesNotContain(ConnectorApi.WEBHOOK_SECRET);

            assertThat(probe.drain(Duration.ofSeconds(2)).stream().filter(r -> connection.equals(r.key())))
                    .as("the second reseal leaves a connection already under the active webhook key alone").hasSize(2);
        }
    }

    /** Another instance of the service; the properties go in as command-line arguments, which beat every config file. */
    private static ConfigurableApplicationContext start(String... properties) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("server.port=0", "hub.outbox.relay-enabled=false"),
                java.util.Arrays.stream(properties)).map(property -> "--" + property).toArray(String[]::new);
        return new SpringApplicationBuilder(ConnectorServiceApplication.class).initializers(new RealInfrastructureInitializer())
                .run(args);
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static String storedToken(String id) throws Exception {
        PostgresEndpoint postgres = SharedInfrastructure.get().postgres();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var statement = connection.prepareStatement("select api_token from connector.connections where id = ?")) {
            statement.setObject(1, UUID.fromString(id));
            var result = statement.executeQuery();
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
