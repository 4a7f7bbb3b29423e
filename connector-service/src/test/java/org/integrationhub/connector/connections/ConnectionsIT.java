package org.integrationhub.connector.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.connector.ConnectorApi.PATH;
import static org.integrationhub.connector.ConnectorApi.jira;
import static org.integrationhub.connector.ConnectorApi.read;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.integrationhub.connector.ConnectorApi;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.Topics;
import org.integrationhub.sandbox.ProviderSandbox;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.KafkaProbe;
import org.integrationhub.testsupport.PostgresEndpoint;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.integrationhub.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** connector-service's connection API on real Postgres and Kafka, testing against the provider sandbox's Jira. */
@HubIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ConnectionsIT {

    private static final String TOKEN = ConnectorApi.JIRA_TOKEN;
    private static final String SECRET = ConnectorApi.WEBHOOK_SECRET;
    private static final ProviderSandbox SANDBOX = ConnectorApi.SANDBOX;

    @LocalServerPort
    int port;

    private final OrgId org = OrgId.random();

    private WebTestClient as(OrgId organisation) {
        return new ConnectorApi(port).as(organisation);
    }

    private WebTestClient http() {
        return as(org);
    }

    private WebTestClient.ResponseSpec create(Map<String, Object> body) {
        return new ConnectorApi(port).create(org, body);
    }

    private String createdId() {
        return new ConnectorApi(port).createJira(org, "admin@acme.example");
    }

    @Test
    void createsAJiraConnectionWithItsSecretsSealed() throws Exception {
        String id = read(create(jira("Admin@Acme.example", TOKEN)).expectStatus().isCreated().expectBody()
                .jsonPath("$.data.type").isEqualTo("jira")
                .jsonPath("$.data.auth").isEqualTo("api_token")
                .jsonPath("$.data.baseUrl").isEqualTo(SANDBOX.baseUrl() + "/atlassian/site/acme")
                .jsonPath("$.data.email").isEqualTo("admin@acme.example")
                .jsonPath("$.data.primary").isEqualTo(true)
                .jsonPath("$.data.status").isEqualTo("active")
                .jsonPath("$.data.hasWebhookSecret").isEqualTo(true)
                .jsonPath("$.data.apiToken").doesNotExist()
                .jsonPath("$.data.webhookSecret").doesNotExist()
                .jsonPath("$.data.projectKeys[1]").isEqualTo("OPS"), "$.data.id");

        Map<String, String> stored = storedSecrets(id);
        assertThat(stored.get("api_token")).startsWith("v1:test-key:").doesNotContain(TOKEN);
        assertThat(stored.get("webhook_secret")).startsWith("v1:test-key:").doesNotContain(SECRET);
    }

    @Test
    void answersConnectedForGoodCredentialsAndRecordsTheAccount() {
        String id = createdId();
        http().post().uri(PATH + "/" + id + "/test").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.connected").isEqualTo(true)
                .jsonPath("$.data.message").isEqualTo("Connected as Site Admin.");
        http().get().uri(PATH + "/" + id).exchange().expectBody()
                .jsonPath("$.data.status").isEqualTo("active")
                .jsonPath("$.data.externalAccount.email").isEqualTo("admin@acme.example")
                .jsonPath("$.data.lastUsedAt").isNotEmpty();
    }

    @Test
    void answersNotConnectedForABadTokenAndMarksTheConnection() {
        String id = read(create(jira("admin@acme.example", "not-the-token")).expectStatus().isCreated(), "$.data.id");
        http().post().uri(PATH + "/" + id + "/test").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.connected").isEqualTo(false)
                .jsonPath("$.data.message").isEqualTo("Jira rejected the email or API token (HTTP 401).");
        http().get().uri(PATH + "/" + id).exchange().expectBody()
                .jsonPath("$.data.status").isEqualTo("error")
                .jsonPath("$.data.errorCount").isEqualTo(1)
                .jsonPath("$.data.lastError").isNotEmpty();

        http().patch().uri(PATH + "/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("apiToken", TOKEN)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo("active").jsonPath("$.data.errorCount").isEqualTo(0);
        http().post().uri(PATH + "/" + id + "/test").exchange().expectBody().jsonPath("$.data.connected").isEqualTo(true);
    }

    @Test
    void aCiphertextMovedToAnotherConnectionCannotBeRead() throws Exception {
        String good = createdId();
        String other = read(create(jira("other@acme.example", "another-token")).expectStatus().isCreated(), "$.data.id");
        copyApiToken(good, other);
        http().post().uri(PATH + "/" + other + "/test").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.connected").isEqualTo(false)
                .jsonPath("$.data.message").isEqualTo("The stored API token cannot be read; enter it again.");
    }

    @Test
    void refusesADuplicateOfSiteAndAccount() {
        createdId();
        create(jira("ADMIN@acme.example", "x-token")).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("connection_exists");
    }

    @Test
    void refusesBadInputWithFieldErrors() {
        Map<String, Object> insecure = jira("a@acme.example", TOKEN);
        insecure.put("baseUrl", "http://acme.atlassian.net");
        create(insecure).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("baseUrl");
        Map<String, Object> noEmail = jira("a@acme.example", TOKEN);
        noEmail.remove("email");
        create(noEmail).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        create(jira("a@acme.example", "")).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("apiToken");
        Map<String, Object> github = jira("a@acme.example", TOKEN);
        github.put("type", "gitlab");
        create(github).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        Map<String, Object> oauth = jira("a@acme.example", TOKEN);
        oauth.put("auth", "password");
        create(oauth).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("auth");
        http().post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"type\":").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("malformed_request");
    }

    @Test
    void refusesABodyOver64Kilobytes() {
        Map<String, Object> huge = jira("a@acme.example", TOKEN);
        huge.put("jqlFilter", "x".repeat(70 * 1024));
        create(huge).expectStatus().isEqualTo(413).expectBody().jsonPath("$.code").isEqualTo("payload_too_large");
    }

    @Test
    void anotherOrganisationGets404ForEverything() {
        String id = createdId();
        WebTestClient stranger = as(OrgId.random());
        stranger.get().uri(PATH + "/" + id).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("connection_not_found").jsonPath("$.data").doesNotExist();
        stranger.patch().uri(PATH + "/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("enabled", false)).exchange()
                .expectStatus().isNotFound();
        stranger.post().uri(PATH + "/" + id + "/test").exchange().expectStatus().isNotFound();
        stranger.post().uri(PATH + "/" + id + "/primary").exchange().expectStatus().isNotFound();
        stranger.delete().uri(PATH + "/" + id).exchange().expectStatus().isNotFound();
        stranger.get().uri(PATH).exchange().expectStatus().isOk().expectBody().jsonPath("$.data.length()").isEqualTo(0);
        http().get().uri(PATH + "/" + id).exchange().expectStatus().isOk();
    }

    @Test
    void changesSettingsAndMakesAnotherConnectionPrimary() {
        String first = createdId();
        String second = read(create(jira("second@acme.example", TOKEN)).expectStatus().isCreated().expectBody()
                .jsonPath("$.data.primary").isEqualTo(false), "$.data.id");

        http().patch().uri(PATH + "/" + second).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("displayName", "Ops Jira", "projectKeys", List.of("OPS"), "pollingEnabled", true)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.displayName").isEqualTo("Ops Jira")
                .jsonPath("$.data.projectKeys.length()").isEqualTo(1)
                .jsonPath("$.data.pollingEnabled").isEqualTo(true);

        http().post().uri(PATH + "/" + second + "/primary").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.primary").isEqualTo(true);
        http().get().uri(PATH + "/" + first).exchange().expectBody().jsonPath("$.data.primary").isEqualTo(false);
    }

    @Test
    void theFlagMovesBackAndForthWhicheverRowPostgresVisitsFirst() {
        // One UPDATE clears the old flag and sets the new one; a row-by-row unique check failed it whenever the
        // new primary's row came first in the heap, and every update moves a row to the heap's end.
        String first = createdId();
        String second = read(create(jira("third@acme.example", TOKEN)).expectStatus().isCreated().expectBody(), "$.data.id");
        for (int round = 0; round < 6; round++) {
            String next = round % 2 == 0 ? second : first;
            String previous = round % 2 == 0 ? first : second;
            http().post().uri(PATH + "/" + next + "/primary").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.data.primary").isEqualTo(true);
            http().get().uri(PATH + "/" + previous).exchange().expectBody().jsonPath("$.data.primary").isEqualTo(false);
        }
    }

    @Test
    void announcesEveryChangeWithoutCredentialsAndATombstoneOnDelete() {
        try (var probe = KafkaProbe.on(Topics.CONNECTIONS)) {
            String id = createdId();
            http().patch().uri(PATH + "/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("enabled", false)).exchange()
                    .expectStatus().isOk();
            http().delete().uri(PATH + "/" + id).exchange().expectStatus().isNoContent();
            http().get().uri(PATH + "/" + id).exchange().expectStatus().isNotFound();

            ConnectionId connection = ConnectionId.of(id);
            var records = probe.awaitMatching(r -> r.key().equals(connection), 3, Duration.ofSeconds(20));
            assertThat(records).hasSize(3);
            assertThat(records.get(0).envelope().orgId()).isEqualTo(org);
            assertThat(records.get(0).envelope().payload().enabled()).isTrue();
            assertThat(records.get(1).envelope().payload().enabled()).isFalse();
            assertThat(records.get(1).envelope().payload().revision()).isEqualTo(2);
            assertThat(records.get(2).envelope()).as("tombstone").isNull();
            assertThat(records).allSatisfy(r -> assertThat(r.raw().value() == null ? "" : new String(r.raw().value(), StandardCharsets.UTF_8))
                    .doesNotContain(TOKEN).doesNotContain(SECRET));
        }
    }

    @Test
    void noResponseAndNoLogLineCarriesTheApiTokenOrWebhookSecret(CapturedOutput output) {
        byte[] created = create(jira("admin@acme.example", TOKEN)).expectStatus().isCreated().expectBody().returnResult().getResponseBodyContent();
        String id = JsonPath.read(new String(created, StandardCharsets.UTF_8), "$.data.id");
        StringBuilder bodies = new StringBuilder(new String(created, StandardCharsets.UTF_8));
        for (var spec : List.of(http().get().uri(PATH).exchange(), http().get().uri(PATH + "/" + id).exchange(),
                http().post().uri(PATH + "/" + id + "/test").exchange(),
                http().patch().uri(PATH + "/" + id).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("apiToken", TOKEN, "webhookSecret", SECRET)).exchange())) {
            bodies.append(new String(spec.expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8));
        }
        assertThat(bodies.toString()).doesNotContain(TOKEN).doesNotContain(SECRET);
        assertThat(output.getAll()).as("the capture sees the service's log").contains("Created connection")
                .doesNotContain(TOKEN).doesNotContain(SECRET);
    }

    private static Map<String, String> storedSecrets(String id) throws Exception {
        PostgresEndpoint postgres = SharedInfrastructure.get().postgres();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var statement = connection.prepareStatement("select api_token, webhook_secret from connector.connections where id = ?")) {
            statement.setObject(1, UUID.fromString(id));
            var result = statement.executeQuery();
            assertThat(result.next()).isTrue();
            return Map.of("api_token", result.getString(1), "webhook_secret", result.getString(2));
        }
    }

    private static void copyApiToken(String from, String to) throws Exception {
        PostgresEndpoint postgres = SharedInfrastructure.get().postgres();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var statement = connection.prepareStatement(
                        "update connector.connections set api_token = (select api_token from connector.connections where id = ?) where id = ?")) {
            statement.setObject(1, UUID.fromString(from));
            statement.setObject(2, UUID.fromString(to));
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
