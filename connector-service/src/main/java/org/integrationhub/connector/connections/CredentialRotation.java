package org.integrationhub.connector.connections;

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
 * Re-encrypts every stored secret that is not under the active key, one connection per
 * transaction, so that the old key can then be removed from the configuration.
 */
@Component
class CredentialRotation {

    private static final Logger log = LoggerFactory.getLogger(CredentialRotation.class);

    private final DatabaseClient db;
    private final CredentialVault vault;
    private final TransactionalOperator transaction;

    CredentialRotation(DatabaseClient db, CredentialVault vault, TransactionalOperator transaction) {
        this.db = db;
        this.vault = vault;
        this.transaction = transaction;
    }

    private record Stored(UUID id, String apiToken, String webhookSecret) {

        @Override
        public String toString() {
            return "Stored[id=" + id + "]";
        }
    }

    /** How many connections were resealed. */
    Mono<Integer> resealAll() {
        String current = "v1:" + vault.activeKeyId() + ":%";
        return db.sql("""
                select id from connections
                 where (api_token is not null and api_token not like :current)
                    or (webhook_secret is not null and webhook_secret not like :current)""")
                .bind("current", current)
                .map((row, meta) -> row.get("id", UUID.class))
                .all()
                .concatMap(id -> locked(id).flatMap(this::reseal).as(transaction::transactional))
                .count()
                .map(Long::intValue)
                .doOnNext(count -> log.info("Resealed the secrets of {} connection(s) under key {}", count, vault.activeKeyId()));
    }

    /** The row's current secrets, locked until the transaction ends, so a concurrent change is never undone. */
    private Mono<Stored> locked(UUID id) {
        return db.sql("select id, api_token, webhook_secret from connections where id = :id for update").bind("id", id)
                .map((row, meta) -> new Stored(row.get("id", UUID.class), row.get("api_token", String.class),
                        row.get("webhook_secret", String.class)))
                .one();
    }

    private Mono<Long> reseal(Stored stored) {
        ConnectionId connection = ConnectionId.of(stored.id());
        var spec = db.sql("update connections set api_token = :apiToken, webhook_secret = :webhookSecret where id = :id")
                .bind("id", stored.id());
        spec = bind(spec, "apiToken", connection, stored.apiToken());
        spec = bind(spec, "webhookSecret", connection, stored.webhookSecret());
        return spec.fetch().rowsUpdated();
    }

    private DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String name, ConnectionId connection,
            String stored) {
        return stored == null ? spec.bindNull(name, String.class)
                : spec.bind(name, vault.reseal(connection, Sealed.decode(stored)).encode());
    }
}
