package org.integrationhub.sync.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * sync-worker's service token from auth-service (client credentials, ADR 0006), kept until a
 * minute before it expires. Only fetch threads ask, so a plain synchronized cache suffices.
 */
class ServiceTokens {

    static final String SCOPES = "credentials:read sync-runs:write";
    private static final Duration EARLY = Duration.ofMinutes(1);

    private final WebClient auth;
    private final FetchSettings settings;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    ServiceTokens(WebClient.Builder http, FetchSettings settings, Clock clock) {
        this.auth = http.clone().baseUrl(settings.authUrl()).build();
        this.settings = settings;
        this.clock = clock;
    }

    synchronized String bearer() {
        if (token == null || clock.instant().isAfter(expiresAt.minus(EARLY))) {
            if (settings.clientSecret() == null) {
                throw new SyncFailed("sync-worker has no service client secret (HUB_SYNC_FETCH_CLIENT_SECRET)");
            }
            JsonNode answer;
            try {
                answer = auth.post().uri("/api/auth/service-tokens")
                        .headers(h -> h.setBasicAuth(settings.clientId(), settings.clientSecret()))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("scope", SCOPES))
                        .retrieve().bodyToMono(JsonNode.class).block(Duration.ofSeconds(30));
            } catch (WebClientResponseException refused) {
                throw new SyncFailed("auth-service refused sync-worker's service token (" + refused.getStatusCode().value() + ")");
            }
            JsonNode data = answer == null ? null : answer.get("data");
            if (data == null || data.get("accessToken") == null || data.get("expiresAt") == null) {
                throw new SyncFailed("auth-service answered without a service token");
            }
            token = data.get("accessToken").asString();
            expiresAt = Instant.parse(data.get("expiresAt").asString());
        }
        return token;
    }

    /** Forgets the token (connector-service said 401: it expired or keys rotated). */
    synchronized void forget() {
        token = null;
    }
}
