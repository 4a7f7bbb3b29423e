package org.integrationhub.connector.connections;

import java.time.Instant;
import java.util.List;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.integrationhub.support.crypto.Sealed;

/**
 * A stored connection; its secrets stay sealed ({@code apiToken}, {@code webhookSecret}) and are opened only to use them.
 * OAuth tokens are not part of it: only {@link OAuthCredentials} reads them. {@code siteUrl}: the Atlassian site of an
 * OAuth connection.
 */
record Connection(ConnectionId id, OrgId orgId, ExternalSystem type, String authType, String displayName, String baseUrl,
        String email, Sealed apiToken, Sealed webhookSecret, List<String> projectKeys, String jqlFilter,
        boolean pollingEnabled, boolean enabled, boolean primary, String status, String lastError, int errorCount,
        Instant lastUsedAt, Instant connectedAt, Instant tokenExpiry, String externalAccountId, String externalEmail,
        String externalDisplayName, long revision, Instant createdAt, Instant updatedAt, String siteUrl) {

    @Override
    public String toString() {
        return "Connection[id=" + id + ", type=" + type.wireName() + ", status=" + status + "]";
    }
}
