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
 * with every change. {@code siteUrl} (optional, added 2026-11-23, ADR 0021) is the site a person opens in the browser
 * (an Atlassian site, {@code https://acme.atlassian.net}) when it differs from the API's {@code baseUrl} (OAuth calls go
 * through {@code https://api.atlassian.com/ex/jira/{cloudId}}); null when unknown, and absent in older records.
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
        Instant updatedAt,
        String siteUrl) {

    public ConnectionSnapshot {
        Objects.requireNonNull(connectionId, "connectionId is required");
        Objects.requireNonNull(orgId, "orgId is required");
        Objects.requireNonNull(system, "system is required");
        Objects.requireNonNull(authType, "authType is required");
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(updatedAt, "updatedAt is required");
        projectKeys = projectKeys == null ? List.of() : List.copyOf(projectKeys);
    }

    /** A snapshot without a separate site URL. */
    public ConnectionSnapshot(ConnectionId connectionId, OrgId orgId, ExternalSystem system, String authType, String displayName,
            String baseUrl, String status, boolean enabled, boolean primary, List<String> projectKeys, String jqlFilter,
            boolean pollingEnabled, SealedSecret webhookSecret, long revision, Instant updatedAt) {
        this(connectionId, orgId, system, authType, displayName, baseUrl, status, enabled, primary, projectKeys, jqlFilter,
                pollingEnabled, webhookSecret, revision, updatedAt, null);
    }
}
