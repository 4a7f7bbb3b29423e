package org.integrationhub.sync.fetch;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.SyncRunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * connector-service's internal API, with sync-worker's service token: a connection's ready-to-use
 * credentials ({@code GET /internal/connections/{id}/credentials}) and a sync run's progress
 * ({@code POST /internal/sync-runs/{id}/progress}, ADR 0009).
 */
@Component
class Connector {

    private static final Logger log = LoggerFactory.getLogger(Connector.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What a provider call needs; {@link #toString()} hides the authorization. */
    record Credentials(String baseUrl, String authorization) {
        @Override
        public String toString() {
            return "Credentials[baseUrl=" + baseUrl + "]";
        }
    }

    private final WebClient connector;
    private final ServiceTokens tokens;

    Connector(WebClient.Builder http, FetchSettings settings, Clock clock) {
        this.connector = http.clone().baseUrl(settings.connectorUrl()).build();
        this.tokens = new ServiceTokens(http, settings, clock);
    }

    Credentials credentials(ConnectionId connection) {
        JsonNode answer;
        try {
            answer = authorized(() -> connector.get().uri("/internal/connections/{id}/credentials", connection.value())
                    .headers(h -> h.setBearerAuth(tokens.bearer()))
                    .retrieve().bodyToMono(JsonNode.class).block(TIMEOUT));
        } catch (WebClientResponseException refused) {
            throw new SyncFailed(refused.getStatusCode() == HttpStatus.NOT_FOUND ? "the connection no longer exists"
                    : "connector-service did not hand out the connection's credentials (" + refused.getStatusCode().value() + ")");
        }
        JsonNode data = answer == null ? null : answer.get("data");
        if (data == null || data.get("authorization") == null || data.get("baseUrl") == null) {
            throw new SyncFailed("connector-service answered without credentials");
        }
        return new Credentials(data.get("baseUrl").asString(), data.get("authorization").asString());
    }

    /**
     * Reports progress; true when connector-service acknowledged it. A report that does not arrive is logged and
     * never fails the sync: {@link SyncRunReporter} sends it again.
     */
    boolean progress(SyncRunId run, String status, int pages, int itemsSeen, int itemsApplied, String error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("pages", pages);
        body.put("itemsSeen", itemsSeen);
        body.put("itemsApplied", itemsApplied);
        if (error != null) {
            body.put("error", error.length() > 2000 ? error.substring(0, 2000) : error);
        }
        try {
            authorized(() -> connector.post().uri("/internal/sync-runs/{id}/progress", run.value())
                    .headers(h -> h.setBearerAuth(tokens.bearer())).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .retrieve().toBodilessEntity().block(TIMEOUT));
            return true;
        } catch (WebClientResponseException.NotFound unknownRun) {
            log.warn("Sync run {} is unknown to connector-service; its progress is not reported again", run);
            return true;
        } catch (RuntimeException notReported) {
            log.warn("Progress of sync run {} ({}) was not reported: {}", run, status, notReported.toString());
            return false;
        }
    }

    /** Runs a call, and once more with a fresh token when the first is refused with 401. */
    private <T> T authorized(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (WebClientResponseException.Unauthorized expired) {
            tokens.forget();
            return call.get();
        }
    }
}
