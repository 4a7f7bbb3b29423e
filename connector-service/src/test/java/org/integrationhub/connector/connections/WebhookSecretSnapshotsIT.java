package org.integrationhub.connector.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.integrationhub.connector.ConnectorApi.PATH;
import static org.integrationhub.connector.ConnectorApi.jira;
import static org.integrationhub.connector.ConnectorApi.read;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.integrationhub.connector.ConnectorApi;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ConnectionSnapshot;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.SealedSecret;
import org.integrationhub.events.Topics;
import org.integrationhub.support.crypto.KeyRing;
import org.integrationhub.support.crypto.Sealed;
import org.integrationhub.support.crypto.SealedValueUnreadable;
import org.integrationhub.support.crypto.WebhookSecretSeal;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.KafkaProbe;
import org.integrationhub.testsupport.PostgresEndpoint;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * The webhook secret on {@code integration.connections}: sealed under the webhook sealing key for
 * its connection (what webhook-ingest opens), never in plaintext, never the vault's ciphertext.
 */
@HubIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class WebhookSecretSnapshotsIT {

    /** The webhook sealing key of src/test/resources/config/application.yml, as webhook-ingest would hold it. */
    static final WebhookSecretSeal WEBHOOK_INGEST_SEAL = new WebhookSecretSeal(new KeyRing(null,
            List.of(new KeyRing.Key("test-webhook-key", "dGVzdC1vbmx5LXdlYmhvb2stc2VhbGluZy1rZXktMzI="))));
    private static final Duration AT_MOST = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    private final OrgId org = OrgId.random();

    private ConnectorApi api() {
        return new ConnectorApi(port);
    }

    @Test
    void aNewConnectionsSnapshotCarriesItsWebhookSecretSealedForThatConnection() throws Exception {
        try (var probe = KafkaProbe.on(Topics.CONNECTIONS)) {
            ConnectionId connection = ConnectionId.of(api().createJira(org, "admin@acme.example"));

            var received = probe.awaitMatching(r -> connection.equals(r.key()), 1, AT_MOST).get(0);
            SealedSecret sealed = received.envelope().payload().webhookSecret();
            assertThat(sealed).as("sealed webhook secret").isNotNull();
            assertThat(sealed.keyId()).isEqualTo("test-webhook-key");
            assertThat(WEBHOOK_INGEST_SEAL.open(connection, sealed)).isEqualTo(ConnectorApi.WEBHOOK_SECRET);
            assertThatThrownBy(() -> WEBHOOK_INGEST_SEAL.open(ConnectionId.random(), sealed)).as("bound to its connection")
                    .isInstanceOf(SealedValueUnreadable.class);

            String raw = new String(received.raw().value(), StandardCharsets.UTF_8);
            Map<String, String> stored = storedSecrets(connection);
            assertThat(raw).contains(sealed.ciphertext())
                    .doesNotContain(ConnectorApi.WEBHOOK_SECRET)
                    .doesNotContain(Base64.getEncoder().encodeToString(ConnectorApi.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8)))
                    .doesNotContain(ConnectorApi.JIRA_TOKEN)
                    .doesNotContain(vaultCiphertext(stored.get("api_token")))
                    .doesNotContain(vaultCiphertext(stored.get("webhook_secret")));
        }
    }

    @Test
    void aConnectionWithoutAWebhookSecretIsAnnouncedWithout() {
        try (var probe = KafkaProbe.on(Topics.CONNECTIONS)) {
            Map<String, Object> body = jira("nosecret@acme.example", ConnectorApi.JIRA_TOKEN);
            body.remove("webhookSecret");
            ConnectionId connection = ConnectionId.of(read(api().create(org, body).expectStatus().isCreated().expectBody()
                    .jsonPath("$.data.hasWebhookSecret").isEqualTo(false), "$.data.id"));

            ConnectionSnapshot snapshot = probe.awaitMatching(r -> connection.equals(r.key()), 1, AT_MOST).get(0).envelope().payload();
            assertThat(snapshot.webhookSecret()).isNull();
        }
    }

    @Test
    void aChangedWebhookSecretIsAnnouncedInANewSnapshot() {
        String newSecret = "whsec-rotated-by-the-admin";
        try (var probe = KafkaProbe.on(Topics.CONNECTIONS)) {
            String id = api().createJira(org, "patch@acme.example");
            ConnectionId connection = ConnectionId.of(id);
            api().as(org).patch().uri(PATH + "/" + id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("webhookSecret", newSecret)).exchange().expectStatus().isOk();

            var snapshots = probe.awaitMatching(r -> connection.equals(r.key()), 2, AT_MOST);
            assertThat(snapshots).hasSize(2);
            ConnectionSnapshot changed = snapshots.get(1).envelope().payload();
            assertThat(changed.revision()).isEqualTo(2);
            assertThat(WEBHOOK_INGEST_SEAL.open(connection, changed.webhookSecret())).isEqualTo(newSecret);
            assertThat(new String(snapshots.get(1).raw().value(), StandardCharsets.UTF_8)).doesNotContain(newSecret);
        }
    }

    @Test
    void aSecretThePersonChoseReplacesTheOldOneInTheSnapshotButIsNeverAnsweredNorLogged(CapturedOutput output) {
        String chosen = "typed-into-github-and-the-hub-" + java.util.UUID.randomUUID();
        try (var probe = KafkaProbe.on(Topics.CONNECTIONS)) {
            String id = api().createJira(org, "rotate@acme.example");
            ConnectionId connection = ConnectionId.of(id);
            api().as(org).patch().uri(PATH + "/" + id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("webhookSecret", chosen)).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).value(body -> assertThat(body)
                            .doesNotContain(chosen).doesNotContain(ConnectorApi.WEBHOOK_SECRET)
                            .contains("\"hasWebhookSecret\":true", "\"revision\":2"));

            var snapshots = probe.awaitMatching(r -> connection.equals(r.key()), 2, AT_MOST);
            SealedSecret announced = snapshots.get(1).envelope().payload().webhookSecret();
            assertThat(WEBHOOK_INGEST_SEAL.open(connection, announced)).as("what webhook-ingest verifies with from now on")
                    .isEqualTo(chosen).isNotEqualTo(WEBHOOK_INGEST_SEAL.open(connection, snapshots.get(0).envelope().payload().webhookSecret()));
            assertThat(new String(snapshots.get(1).raw().value(), StandardCharsets.UTF_8)).doesNotContain(chosen);
            assertThat(output.getAll()).contains("Changed connection " + id + " (revision 2, new webhook secret)").doesNotContain(chosen);
        }
    }

    @Test
    void aTooShortWebhookSecretIsRefusedInWordsAndChangesNothing() {
        String id = api().createJira(org, "short@acme.example");
        api().as(org).patch().uri(PATH + "/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("webhookSecret", "only-23-characters-long")).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("webhookSecret")
                .jsonPath("$.errors[0].message").isEqualTo("must be between 24 and 256 characters long (a long random value)");
        api().as(org).get().uri(PATH + "/" + id).exchange().expectStatus().isOk().expectBody().jsonPath("$.data.revision").isEqualTo(1);
    }

    @Test
    void anotherOrganisationCannotReplaceTheWebhookSecret() {
        String id = api().createJira(org, "stranger@acme.example");
        api().as(OrgId.random()).patch().uri(PATH + "/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("webhookSecret", "someone-elses-secret-of-enough-length")).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("connection_not_found");
    }

    /** The base64 part of a vault value {@code v1:<keyId>:<base64>}. */
    private static String vaultCiphertext(String stored) {
        Sealed sealed = Sealed.decode(stored);
        return Base64.getEncoder().encodeToString(sealed.nonceAndCiphertext());
    }

    private static Map<String, String> storedSecrets(ConnectionId id) throws Exception {
        PostgresEndpoint postgres = SharedInfrastructure.get().postgres();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var statement = connection.prepareStatement("select api_token, webhook_secret from connector.connections where id = ?")) {
            statement.setObject(1, id.value());
            var result = statement.executeQuery();
            assertThat(result.next()).isTrue();
            return Map.of("api_token", result.getString(1), "webhook_secret", result.getString(2));
        }
    }
}
