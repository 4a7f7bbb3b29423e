package org.integrationhub.connector;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.integrationhub.events.OrgId;
import org.integrationhub.sandbox.ProviderSandbox;
import org.integrationhub.testsupport.JsonBodies;
import org.integrationhub.testsupport.TestTokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls connector-service as a signed-in user, with Jira connections on the JVM's one provider sandbox. */
public final class ConnectorApi {

    public static final String PATH = "/api/integrations";
    public static final String JIRA_TOKEN = "sandbox-jira-api-token";
    public static final String WEBHOOK_SECRET = "whsec-very-secret-value-for-tests";
    public static final ProviderSandbox SANDBOX = startSandbox();

    private final int port;

    public ConnectorApi(int port) {
        this.port = port;
    }

    private static ProviderSandbox startSandbox() {
        ProviderSandbox sandbox = ProviderSandbox.start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-stop"));
        return sandbox;
    }

    public WebTestClient as(OrgId organisation) {
        String token = TestTokens.shared().user(UUID.randomUUID(), organisation, "admin");
        return WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    public WebTestClient asService(String name, String... scopes) {
        String token = TestTokens.shared().service(name, scopes);
        return WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    /** A Jira API-token connection request against the sandbox's site "acme". */
    public static Map<String, Object> jira(String email, String apiToken) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "jira");
        body.put("auth", "api_token");
        body.put("baseUrl", SANDBOX.baseUrl() + "/atlassian/site/acme/");
        body.put("email", email);
        body.put("apiToken", apiToken);
        body.put("webhookSecret", WEBHOOK_SECRET);
        body.put("projectKeys", List.of("PROJ", "OPS"));
        return body;
    }

    public WebTestClient.ResponseSpec create(OrgId org, Map<String, Object> body) {
        return as(org).post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Creates a working Jira connection and returns its id. */
    public String createJira(OrgId org, String email) {
        return read(create(org, jira(email, JIRA_TOKEN)).expectStatus().isCreated(), "$.data.id");
    }

    public static String read(WebTestClient.ResponseSpec response, String jsonPath) {
        return JsonBodies.read(response, jsonPath);
    }

    public static String read(WebTestClient.BodyContentSpec body, String jsonPath) {
        return JsonBodies.read(body, jsonPath);
    }
}
