package org.integrationhub.connector.connections;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.integrationhub.connector.credentials.CredentialVault;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.support.crypto.Sealed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Key rotation, one connection per transaction (the row locked throughout, so a concurrent change
 * is never undone): re-encrypts every stored secret that is not under the active credential key,
 * so the old credential key can then be removed; and re-announces, with a new revision through the
 * outbox, every connection whose webhook secret was last published under a webhook sealing key
 * other than the active one, so the old webhook sealing key can then be removed from
 * connector-service and webhook-ingest once the new snapshots are consumed.
 */
@Component
class CredentialRotation {

    private static final Logger log = LoggerFactory.getLogger(CredentialRotation.class);

    private final DatabaseClient db;
    private final CredentialVault vault;
    private final ConnectionRepository repository;
    private final ConnectionSnapshots snapshots;
    private final TransactionalOperator transaction;
    private final Clock clock;

    CredentialRotation(DatabaseClient db, CredentialVault vault, ConnectionRepository repository, ConnectionSnapshots snapshots,
            TransactionalOperator transaction, Clock clock) {
        this.db = db;
        this.vault = vault;
        this.repository = repository;
        this.snapshots = snapshots;
        this.transaction = transaction;
        this.clock = clock;
    }

    private record Stored(UUID id, String apiToken, String webhookSecret, String webhookSecretPublishedKey) {

        @Override
        public String toString() {
            return "Stored[id=" + id + "]";
        }
    }

    /** What one pass did. */
    record Outcome(int resealed, int republished) {

        private Outcome plus(Outcome other) {
            return new Outcome(resealed + other.resealed, republished + other.republished);
        }
    }

    /** Reseals under the active credential key and re-announces under the active webhook sealing key. */
    Mono<Outcome> resealAll() {
        String current = "v1:" + vault.activeKeyId() + ":%";
        String webhookKey = snapshots.activeWebhookKeyId();
        return db.sql("""
                select id from connections
                 where (api_token is not null and api_token not like :current)
                    or (webhook_secret is not null and webhook_secret not like :current)
                    or (webhook_secret is not null and webhook_secret_published_key is distinct from :webhookKey)
                 order by id""")
                .bind("current", current).bind("webhookKey", webhookKey)
                .map((row, meta) -> row.get("id", UUID.class))
                .all()
                .concatMap(id -> locked(id).flatMap(stored -> reseal(stored, webhookKey)).as(transaction::transactional))
                .reduce(new Outcome(0, 0), Outcome::plus)
                .doOnNext(outcome -> log.info("Resealed the secrets of {} connection(s) under credential key {}; re-announced {} "
                        + "connection(s) under webhook sealing key {}", outcome.resealed(), vault.activeKeyId(),
                        outcome.republished(), webhookKey));
    }

    /** The row's current secrets, locked until the transaction ends, so a concurrent change is never undone. */
    private Mono<Stored> locked(UUID id) {
        return db.sql("select id, api_token, webhook_secret, webhook_secret_published_key from connections where id = :id for update")
                .bind("id", id)
                .map((row, meta) -> new Stored(row.get("id", UUID.class), row.get("api_token", String.class),
                        row.get("webhook_secret", String.class), row.get("webhook_secret_published_key", String.class)))
                .one();
    }

    private Mono<Outcome> reseal(Stored stored, String webhookKey) {
        ConnectionId connection = ConnectionId.of(stored.id());
        String apiToken = resealed(connection, stored.apiToken());
        String webhookSecret = resealed(connection, stored.webhookSecret());
        boolean resealed = !Objects.equals(apiToken, stored.apiToken())
                || !Objects.equals(webhookSecret, stored.webhookSecret());
        boolean republish = stored.webhookSecret() != null && !webhookKey.equals(stored.webhookSecretPublishedKey());

        Mono<Long> write = Mono.just(0L);
        if (resealed) {
            var spec = db.sql("update connections set api_token = :apiToken, webhook_secret = :webhookSecret where id = :id")
                    .bind("id", stored.id());
            spec = apiToken == null ? spec.bindNull("apiToken", String.class) : spec.bind("apiToken", apiToken);
            spec = webhookSecret == null ? spec.bindNull("webhookSecret", String.class) : spec.bind("webhookSecret", webhookSecret);
            write = spec.fetch().rowsUpdated();
        }
        Mono<Void> announce = republish
                ? repository.newRevision(connection, clock.instant()).flatMap(snapshots::announce)
                : Mono.empty();
        return write.then(announce).thenReturn(new Outcome(resealed ? 1 : 0, republish ? 1 : 0));
    }

    private String resealed(ConnectionId connection, String stored) {
        return stored == null ? null : vault.reseal(connection, Sealed.decode(stored)).encode();
    }
}
