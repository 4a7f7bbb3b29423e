package org.integrationhub.connector.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.connector.ConnectorApi.read;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.UUID;
import org.integrationhub.connector.ConnectorApi;
import org.integrationhub.connector.ConnectorServiceApplication;
import org.integrationhub.events.OrgId;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.PostgresEndpoint;
import org.integrationhub.testsupport.RealInfrastructureInitializer;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/** The internal credentials endpoint, and re-encryption under a new key after which the old key can go. */
@HubIntegrationTest
class CredentialsIT {

    /** The key of src/test/resources/config/application.yml. */
    private static final String TEST_KEY = "dGVzdC1vbmx5LWNyZWRlbnRpYWwta2V5LTMyLWJ5dGU=";
    private static final String NEW_KEY = Base64.getEncoder().encodeToString("a-brand-new-32-byte-key-for-aes!".getBytes(StandardCharsets.UTF_8));

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
