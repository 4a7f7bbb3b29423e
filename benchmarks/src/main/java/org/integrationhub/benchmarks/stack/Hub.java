package org.integrationhub.benchmarks.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's public APIs as a user and an operator call them on the devstack's documented ports:
 * sign-up and sign-in, a Jira API-token connection on the sandbox, sync-now, replays.
 */
public final class Hub {

    public static final String SANDBOX = "http://localhost:8090";
    public static final String JIRA_SITE = SANDBOX + "/atlassian/site/acme";
    public static final String JIRA_EMAIL = "admin@acme.example";
    public static final String JIRA_TOKEN = "sandbox-jira-api-token";
    public static final String WEBHOOKS = "http://localhost:8083";
    /** The devstack gets this e-mail as an operator, so the benchmark's token carries the ops role. */
    public static final String OPERATOR = "bench-operator@integration-hub.dev";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private UUID organisation;

    /** Registers the operator with a fresh organisation and signs in. */
    public void signIn() {
        String password = "benchmark password " + UUID.randomUUID();
        JsonNode registered = call("POST", "http://localhost:8081/api/auth/register",
                "{\"email\":\"" + OPERATOR + "\",\"password\":\"" + password + "\",\"organisationName\":\"Benchmarks\"}", 201);
        organisation = UUID.fromString(registered.at("/data/organisation/id").asString());
        JsonNode login = call("POST", "http://localhost:8081/api/auth/login",
                "{\"email\":\"" + OPERATOR + "\",\"password\":\"" + password + "\"}", 200);
        token = login.findValue("accessToken").asString();
    }

    public UUID organisation() {
        return organisation;
    }

    /** A Jira API-token connection on the sandbox's site, without scheduled polling. */
    public UUID connectJira(String webhookSecret, String projectKey) {
        String projects = projectKey == null ? "" : ",\"projectKeys\":[\"" + projectKey + "\"]";
        JsonNode created = call("POST", "http://localhost:8082/api/integrations",
                "{\"type\":\"jira\",\"auth\":\"api_token\",\"baseUrl\":\"" + JIRA_SITE + "\",\"email\":\"" + JIRA_EMAIL
                        + "\",\"apiToken\":\"" + JIRA_TOKEN + "\",\"webhookSecret\":\"" + webhookSecret + "\"" + projects + "}", 201);
        return UUID.fromString(created.at("/data/id").asString());
    }

    public void syncNow(UUID connection) {
        call("POST", "http://localhost:8082/api/integrations/" + connection + "/sync-now", null, 202);
    }

    /** The newest sync run of the connection (status, pages, itemsSeen, itemsApplied, error, requestedAt, startedAt, finishedAt). */
    public JsonNode latestSyncRun(UUID connection) {
        JsonNode runs = call("GET", "http://localhost:8082/api/integrations/" + connection + "/sync-runs", null, 200).get("data");
        return runs.isEmpty() ? null : runs.get(0);
    }

    /** Starts a replay of every observation from {@code from} to the end of the topic; its id. */
    public UUID startReplay(Instant from) {
        JsonNode started = call("POST", "http://localhost:8084/api/ops/replays", "{\"from\":\"" + from + "\"}", 202);
        return UUID.fromString(started.at("/data/id").asString());
    }

    public JsonNode replay(UUID id) {
        return call("GET", "http://localhost:8084/api/ops/replays/" + id, null, 200).get("data");
    }

    /** Sends a request and returns the JSON answer; anything but {@code expected} (or another 2xx) is an error. */
    private JsonNode call(String method, String url, String body, int expected) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected && response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
