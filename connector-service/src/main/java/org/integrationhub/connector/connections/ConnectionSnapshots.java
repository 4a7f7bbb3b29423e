package org.integrationhub.connector.connections;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.integrationhub.connector.credentials.CredentialVault;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ConnectionSnapshot;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.SealedSecret;
import org.integrationhub.events.Topics;
import org.integrationhub.support.crypto.SealedValueUnreadable;
import org.integrationhub.support.crypto.WebhookSecretSeal;
import org.integrationhub.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Announces every change of a connection on the compacted {@code integration.connections} topic
 * through the outbox (in the caller's transaction), and a tombstone on delete. A snapshot never
 * carries a credential; the connection's webhook secret travels only sealed by the
 * {@link WebhookSecretSeal} (the webhook sealing key, shared with webhook-ingest alone), bound to
 * the connection. The row remembers which sealing key its latest snapshot used
 * ({@code webhook_secret_published_key}), so rotating that key re-announces exactly the
 * connections still published under an older one.
 */
@Component
class ConnectionSnapshots {

    private static final Logger log = LoggerFactory.getLogger(ConnectionSnapshots.class);
    private static final String AGGREGATE = "connection";

    private final Outbox outbox;
    private final CredentialVault vault;
    private final WebhookSecretSeal webhookSeal;
    private final DatabaseClient db;
    private final Clock clock;
    private final String activeWebhookKeyId;

    ConnectionSnapshots(Outbox outbox, CredentialVault vault, WebhookSecretSeal webhookSeal, DatabaseClient db, Clock clock) {
        this.outbox = outbox;
        this.vault = vault;
        this.webhookSeal = webhookSeal;
        this.db = db;
        this.clock = clock;
        this.activeWebhookKeyId = webhookSeal.activeKeyId();
    }

    /** The webhook sealing key that seals what is announced now. */
    String activeWebhookKeyId() {
        return activeWebhookKeyId;
    }

    Mono<Void> announce(Connection c) {
        return Mono.fromCallable(() -> Optional.ofNullable(sealedWebhookSecret(c)))
                .flatMap(webhookSecret -> {
                    var snapshot = new ConnectionSnapshot(c.id(), c.orgId(), c.type(), c.authType(), c.displayName(), c.baseUrl(),
                            c.status(), c.enabled(), c.primary(), c.projectKeys(), c.jqlFilter(), c.pollingEnabled(),
                            webhookSecret.orElse(null), c.revision(), c.updatedAt(), c.siteUrl());
                    var envelope = EventEnvelope.of(UUID.randomUUID(), EventTypes.CONNECTION_SNAPSHOT, c.orgId(),
                            "connection:" + c.id() + ":" + c.revision(), snapshot, clock);
                    return outbox.add(Topics.CONNECTIONS, c.id(), envelope, AGGREGATE, c.id().toString())
                            .then(rememberPublishedKey(c.id(), webhookSecret.map(SealedSecret::keyId).orElse(null)));
                });
    }

    Mono<Void> retire(Connection c) {
        return outbox.addTombstone(Topics.CONNECTIONS, c.id(), UUID.randomUUID(), AGGREGATE, c.id().toString());
    }

    /**
     * The stored webhook secret opened and sealed again for the topic; null without one. One that
     * cannot be opened (its credential key was removed, or the value was altered) is announced as
     * absent, so webhook-ingest refuses the connection's webhooks until the secret is entered again.
     */
    private SealedSecret sealedWebhookSecret(Connection c) {
        if (c.webhookSecret() == null) {
            return null;
        }
        String plaintext;
        try {
            plaintext = vault.open(c.id(), c.webhookSecret());
        } catch (SealedValueUnreadable unreadable) {
            log.warn("The webhook secret of connection {} cannot be read ({}); announcing it without one", c.id(),
                    unreadable.getMessage());
            return null;
        }
        return webhookSeal.seal(c.id(), plaintext);
    }

    private Mono<Void> rememberPublishedKey(ConnectionId id, String keyId) {
        var spec = db.sql("""
                update connections set webhook_secret_published_key = :keyId
                 where id = :id and webhook_secret_published_key is distinct from :keyId""")
                .bind("id", id.value());
        spec = keyId == null ? spec.bindNull("keyId", String.class) : spec.bind("keyId", keyId);
        return spec.fetch().rowsUpdated().then();
    }
}
