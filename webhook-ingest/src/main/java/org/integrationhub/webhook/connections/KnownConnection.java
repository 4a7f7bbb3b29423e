package org.integrationhub.webhook.connections;

import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;

/**
 * What webhook-ingest knows of one connection: whose it is, which provider, whether it takes
 * deliveries, and its webhook secret, opened from the snapshot ({@code null} when the connection
 * has none or its sealed secret could not be opened). {@link #toString()} never shows the secret.
 */
public record KnownConnection(ConnectionId id, OrgId orgId, ExternalSystem system, String authType, boolean enabled,
        String webhookSecret, long revision) {

    public boolean isOAuth() {
        return "oauth".equals(authType);
    }

    @Override
    public String toString() {
        return "KnownConnection[id=" + id + ", orgId=" + orgId + ", system=" + system.wireName() + ", authType=" + authType
                + ", enabled=" + enabled + ", webhookSecret=" + (webhookSecret == null ? "none" : "set") + ", revision=" + revision + "]";
    }
}
