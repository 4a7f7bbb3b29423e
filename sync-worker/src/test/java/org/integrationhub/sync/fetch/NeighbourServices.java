package org.integrationhub.sync.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays auth-service's and connector-service's documented internal contracts for the fetch stage's
 * tests: {@code POST /api/auth/service-tokens} (Basic client credentials → a token),
 * {@code GET /internal/connections/{id}/credentials} (that token → the connection's credentials)
 * and {@code POST /internal/sync-runs/{id}/progress} (recorded). The real services run these in
 * the devstack test; here they let the fetch stage be tested against the provider sandbox alone.
 */
final class NeighbourServices implements AutoCloseable {

    static final String CLIENT_ID = "sync-worker";
    static final String CLIENT_SECRET = "fetch-test-client-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One progress report as sync-worker sent it. */
    record Progress(String runId, String status, int pages, int itemsSeen, int itemsApplied, String error) {
    }

    record Credentials(String baseUrl, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, Credentials> credentials = new ConcurrentHashMap<>();
    private final List<Progress> progress = new CopyOnWriteArrayList<>();
    private final String token = "service-token-" + UUID.randomUUID();

    NeighbourServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/auth/service-tokens", this::serviceToken);
        server.createContext("/internal/connections/", this::credentials);
        server.createContext("/internal/sync-runs/", this::progress);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    void credentials(UUID connection, String baseUrl, String authorization) {
        credentials.put(connection.toString(), new Credentials(baseUrl, authorization));
    }

    List<Progress> progressOf(UUID run) {
        return progress.stream().filter(p -> p.runId().equals(run.toString())).toList();
    }

    private void serviceToken(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"code\":\"invalid_client\"}");
            return;
        }
        respond(exchange, 200, JSON.writeValueAsString(Map.of("data", Map.of("accessToken", token, "tokenType", "Bearer",
                "expiresIn", 300, "expiresAt", Instant.now().plusSeconds(300).toString(), "scope", "credentials:read sync-runs:write"))));
    }

    private void credentials(HttpExchange exchange) throws IOException {
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"code\":\"unauthorized\"}");
            return;
        }
        String[] parts = exchange.getRequestURI().getPath().split("/");
        Credentials found = parts.length == 5 && "credentials".equals(parts[4]) ? credentials.get(parts[3]) : null;
        if (found == null) {
            respond(exchange, 404, "{\"code\":\"connection_not_found\"}");
            return;
        }
        respond(exchange, 200, JSON.writeValueAsString(Map.of("data", Map.of("connectionId", parts[3], "type", "jira",
                "baseUrl", found.baseUrl(), "authorization", found.authorization()))));
    }

    private void progress(HttpExchange exchange) throws IOException {
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"code\":\"unauthorized\"}");
            return;
        }
        String[] parts = exchange.getRequestURI().getPath().split("/");
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        progress.add(new Progress(parts[3], body.get("status").asString(), body.get("pages").asInt(), body.get("itemsSeen").asInt(),
                body.get("itemsApplied").asInt(), body.get("error") == null ? null : body.get("error").asString()));
        respond(exchange, 200, "{\"data\":{}}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
