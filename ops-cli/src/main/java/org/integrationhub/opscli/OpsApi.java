package org.integrationhub.opscli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator API ({@code /api/ops/**}) through the gateway, with a bearer token: answers the
 * {@code data} of a success, or throws {@link ApiFailure} with the problem's status, code and detail
 * (never the token).
 */
final class OpsApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String token;
    private final HttpClient http;

    OpsApi(String url, String token) {
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    JsonNode get(String path, Map<String, ?> query) {
        return send(HttpRequest.newBuilder(uri(path, query)).GET());
    }

    JsonNode post(String path, Object body) {
        String json = body == null ? "" : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(uri(path, Map.of())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private URI uri(String path, Map<String, ?> query) {
        String q = query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return base.resolve("api/ops/" + path + (q.isEmpty() ? "" : "?" + q));
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/json").timeout(TIMEOUT)
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiFailure(ExitCodes.SERVER_FAILURE, "cannot reach " + base + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure(ExitCodes.SERVER_FAILURE, "interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new ApiFailure(ApiFailure.exitCodeOf(response.statusCode()), problem(response));
        }
        try {
            return JSON.readTree(response.body()).path("data");
        } catch (JacksonException e) {
            throw new ApiFailure(ExitCodes.SERVER_FAILURE, "the hub answered " + response.statusCode() + " with a body that is not JSON");
        }
    }

    /** "403 forbidden: …" from an RFC 9457 problem, or the bare status. */
    private static String problem(HttpResponse<String> response) {
        String text = response.statusCode() + "";
        try {
            JsonNode body = JSON.readTree(response.body());
            String code = body.path("code").asString("");
            String detail = body.path("detail").asString("");
            text += code.isEmpty() ? "" : " " + code;
            text += detail.isEmpty() ? "" : ": " + detail;
            for (JsonNode error : body.path("errors")) {
                text += " [" + error.path("field").asString("") + ": " + error.path("message").asString(error.path("reason").asString("")) + "]";
            }
        } catch (JacksonException | IllegalArgumentException notAProblem) {
            // the status says enough
        }
        return text;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
