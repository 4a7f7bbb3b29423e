package org.integrationhub.sync.fetch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.sync.fetch.*}: where auth-service and connector-service are, sync-worker's service
 * client credentials (for a token with {@code credentials:read sync-runs:write}), the page size,
 * how long a provider's Retry-After or rate-limit reset is honoured (longer fails the sync), and
 * how long a sync request waits for its connection to reach the local replica, and how often sync runs'
 * progress (the apply stage's counts) is reported to connector-service.
 * {@link #toString()} never shows the secret.
 */
@ConfigurationProperties("hub.sync.fetch")
public record FetchSettings(String authUrl, String connectorUrl, String clientId, String clientSecret, int pageSize,
        Duration maxRetryWait, int maxRetries, Duration connectionWait, Duration progressInterval) {

    public FetchSettings {
        authUrl = authUrl == null ? "http://localhost:8081" : authUrl;
        connectorUrl = connectorUrl == null ? "http://localhost:8082" : connectorUrl;
        clientId = clientId == null ? "sync-worker" : clientId;
        clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
        pageSize = pageSize <= 0 ? 100 : Math.min(pageSize, 100);
        maxRetryWait = maxRetryWait == null ? Duration.ofMinutes(2) : maxRetryWait;
        maxRetries = maxRetries <= 0 ? 10 : maxRetries;
        connectionWait = connectionWait == null ? Duration.ofSeconds(30) : connectionWait;
        progressInterval = progressInterval == null ? Duration.ofSeconds(1) : progressInterval;
    }

    @Override
    public String toString() {
        return "FetchSettings[authUrl=" + authUrl + ", connectorUrl=" + connectorUrl + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "none" : "set") + ", pageSize=" + pageSize + "]";
    }
}
