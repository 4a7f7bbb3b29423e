package org.integrationhub.connector.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.integrationhub.connector.ConnectorApi;
import org.integrationhub.connector.ConnectorServiceApplication;
import org.integrationhub.events.OrgId;
import org.integrationhub.testsupport.PostgresEndpoint;
import org.integrationhub.testsupport.RealInfrastructureInitializer;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Drives the OAuth flow like a browser: authorize at connector-service, approve at the provider
 * sandbox ({@code sandbox_auto_approve=true}), follow the sandbox's redirect to connector-service's
 * callback (the registered redirect URI names port 8082; the test brings the code and state to
 * the port the service really listens on), and read where the callback sends the browser.
 */
public final class OAuthFlow {

    private final ConnectorApi api;
    private final int port;

    public OAuthFlow(int port) {
        this.api = new ConnectorApi(port);
        this.port = port;
    }

    /** Points the service's OAuth providers at the JVM's provider sandbox. */
    public static void sandboxProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.test.sandbox-url", ConnectorApi.SANDBOX::baseUrl);
    }

    /** The authorization URL connector-service hands out for the provider. */
    String authorizationUrl(OrgId organisation, String provider) {
        return ConnectorApi.read(api.as(organisation).post().uri("/api/integrations/" + provider + "/authorize").exchange()
                .expectStatus().isOk(), "$.data.authorizationUrl");
    }

    /** The provider's answer to an auto-approved authorization: the callback URL with code and state. */
    static Map<String, String> approve(String authorizationUrl) {
        var response = WebClient.create().get().uri(URI.create(authorizationUrl + "&sandbox_auto_approve=true"))
                .retrieve().toBodilessEntity().block();
        assertThat(response.getStatusCode()).as("the sandbox redirects back").isEqualTo(HttpStatus.FOUND);
        return query(response.getHeaders().getLocation());
    }

    /** Calls connector-service's callback as the returning browser; answers the query of the UI URL it redirects to. */
    Map<String, String> callback(String provider, Map<String, String> parameters) {
        var uri = UriComponentsBuilder.fromUriString("http://localhost:" + port + "/api/oauth/callback/" + provider);
        parameters.forEach(uri::queryParam);
        var response = WebClient.create().get().uri(uri.encode().build().toUri()).retrieve().toBodilessEntity().block();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        URI location = response.getHeaders().getLocation();
        assertThat(location.toString()).startsWith("http://localhost:8080/ui/integrations?");
        return query(location);
    }

    /** The whole flow; answers the callback's redirect query. */
    Map<String, String> connect(OrgId organisation, String provider) {
        return callback(provider, approve(authorizationUrl(organisation, provider)));
    }

    /** Connects and answers the new connection's id. */
    public String connected(OrgId organisation, String provider) {
        Map<String, String> outcome = connect(organisation, provider);
        assertThat(outcome).containsEntry("status", "connected").containsEntry("provider", provider);
        return outcome.get("connectionId");
    }

    static Map<String, String> query(URI uri) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> java.net.URLDecoder.decode(e.getValue(),
                        java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The sandbox's dynamic Jira webhooks (of the app) whose URL names the connection. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> jiraWebhooksOf(String connectionId, String authorization) {
        Map<String, Object> page = WebClient.create().get()
                .uri(ConnectorApi.SANDBOX.baseUrl() + "/atlassian/api/ex/jira/11223344-aaaa-bbbb-cccc-1234567890ab/rest/api/3/webhook?maxResults=100")
                .header("Authorization", authorization).retrieve().bodyToMono(Map.class).block();
        return ((List<Map<String, Object>>) page.get("values")).stream()
                .filter(webhook -> ("http://localhost:9/webhooks/jira/" + connectionId).equals(webhook.get("url"))).toList();
    }

    /** Runs SQL against the shared database (to age a state or a token as time would). */
    public static int sql(String statement, Object... arguments) throws Exception {
        PostgresEndpoint postgres = SharedInfrastructure.get().postgres();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < arguments.length; i++) {
                prepared.setObject(i + 1, arguments[i]);
            }
            return prepared.executeUpdate();
        }
    }

    public static String stored(String column, String connectionId) throws Exception {
        PostgresEndpoint postgres = SharedInfrastructure.get().postgres();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var prepared = connection.prepareStatement("select " + column + " from connector.connections where id = ?")) {
            prepared.setObject(1, UUID.fromString(connectionId));
            var result = prepared.executeQuery();
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    /** Another instance of connector-service on the same database, pointed at the sandbox; {@code --k=v} beats config files. */
    static ConfigurableApplicationContext secondInstance(String... properties) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("server.port=0", "hub.outbox.relay-enabled=false",
                        "hub.test.sandbox-url=" + ConnectorApi.SANDBOX.baseUrl()), java.util.Arrays.stream(properties))
                .map(property -> "--" + property).toArray(String[]::new);
        return new SpringApplicationBuilder(ConnectorServiceApplication.class).initializers(new RealInfrastructureInitializer())
                .run(args);
    }

    static int portOf(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
