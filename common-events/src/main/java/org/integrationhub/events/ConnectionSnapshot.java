package org.integrationhub.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The latest state of one connection, published to a compacted topic so other services can keep a
 * local view. Never carries an OAuth token, API token or password. The connection's webhook
 * secret, when it has one, travels only {@link SealedSecret sealed} under the webhook sealing key,
 * which connector-service and webhook-ingest alone hold. {@code authType} is "api_token" or "oauth"; {@code status} is active, expired, revoked or error;
 * {@code displayName}, {@code baseUrl}, {@code jqlFilter} and {@code webhookSecret} are nullable; {@code revision} grows
 * with every change.
 */
public record ConnectionSnapshot(
        ConnectionId connectionId,
        OrgId orgId,
        ExternalSystem system,
        String authType,
        String displayName,
        String baseUrl,
        String status,
        boolean enabled,
        boolean primary,
        List<String> projectKeys,
        String jqlFilter,
        boolean pollingEnabled,
        SealedSecret webhookSecret,
        long revision,
        Instant updatedAt) {

    public ConnectionSnapshot {
        Objects.requireNonNull(connectionId, "connectionId is required");
        Objects.requireNonNull(orgId, "orgId is required");
        Objects.requireNonNull(system, "system is required");
        Objects.requireNonNull(authType, "authType is required");
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(updatedAt, "updatedAt is required");
        projectKeys = projectKeys == null ? List.of() : List.copyOf(projectKeys);
    }
}
