package org.integrationhub.support.outbox;

import io.r2dbc.postgresql.codec.Json;
import java.util.List;
import java.util.UUID;
import org.integrationhub.events.EventCodec;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.Topic;
import org.integrationhub.events.Topics;
import org.integrationhub.support.kafka.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes committed outbox rows to Kafka in the order they were written ({@code seq}), and
 * marks them published once the broker acknowledged them. One transaction per batch holds an
 * advisory lock, so of several instances one relay drains at a time (order is kept), and claims
 * the rows {@code FOR UPDATE}; a row whose publication failed, or whose service stopped before
 * publishing it, stays unpublished and goes out on the next pass (at-least-once, with a stable
 * event id).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** The advisory lock that makes one relay of a database drain at a time ("outbox" in ASCII). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final EventPublisher events;
    private final EventCodec codec;
    private final OutboxSettings settings;
    private volatile Disposable polling;

    public OutboxRelay(DatabaseClient db, TransactionalOperator transaction, EventPublisher events, EventCodec codec,
            OutboxSettings settings) {
        this.db = db;
        this.transaction = transaction;
        this.events = events;
        this.codec = codec;
        this.settings = settings;
    }

    private record Pending(UUID id, String topic, String key, Json payload) {
    }

    /** Publishes every unpublished row, batch by batch; completes with how many rows went out. */
    public Mono<Long> drain() {
        return publishBatch().expand(published -> published < settings.batchSize() ? Mono.empty() : publishBatch())
                .reduce(0L, Long::sum);
    }

    private Mono<Long> publishBatch() {
        // one relay at a time across instances, so rows leave in the order they were written
        return db.sql("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")").map((row, meta) -> row.get(0, Boolean.class)).one()
                .flatMap(mine -> mine ? claimAndPublish() : Mono.just(0L))
                .as(transaction::transactional);
    }

    private Mono<Long> claimAndPublish() {
        return db.sql("""
                select id, topic, message_key, payload from outbox
                 where published_at is null and failed_at is null
                 order by seq
                 limit :limit
                 for update skip locked""")
                .bind("limit", settings.batchSize())
                .map((row, meta) -> new Pending(row.get("id", UUID.class), row.get("topic", String.class),
                        row.get("message_key", String.class), row.get("payload", Json.class)))
                .all()
                .flatMapSequential(this::publish, 32)
                .collectList()
                .flatMap(outcomes -> markPublished(outcomes.stream().filter(o -> o.failure() == null).map(Outcome::id).toList())
                        .flatMap(published -> markFailed(outcomes.stream().filter(o -> o.failure() != null).toList())
                                .thenReturn(published)));
    }

    /** What became of one row: published, or set aside because it can never be published. */
    private record Outcome(UUID id, String failure) {
    }

    private Mono<Outcome> publish(Pending row) {
        Topic<?, ?> topic;
        EventEnvelope<?> envelope;
        try {
            topic = Topics.byName(row.topic()).orElseThrow(() -> new IllegalArgumentException("unknown topic " + row.topic()));
            envelope = row.payload() == null ? null : codec.decode(row.payload().asArray());
        } catch (RuntimeException unpublishable) {
            return Mono.just(setAside(row, unpublishable));
        }
        return events.publishFormatted(topic, row.key(), envelope)
                .thenReturn(new Outcome(row.id(), null))
                .onErrorResume(IllegalArgumentException.class, mismatch -> Mono.just(setAside(row, mismatch)));
    }

    private static Outcome setAside(Pending row, RuntimeException reason) {
        log.error("Outbox row {} can never be published and is set aside: {}", row.id(), reason.getMessage());
        return new Outcome(row.id(), reason.getClass().getSimpleName() + ": " + reason.getMessage());
    }

    private Mono<Void> markFailed(List<Outcome> failed) {
        return Flux.fromIterable(failed)
                .concatMap(outcome -> db.sql("update outbox set failed_at = now(), failure = :failure where id = :id")
                        .bind("id", outcome.id()).bind("failure", outcome.failure()).fetch().rowsUpdated())
                .then();
    }

    private Mono<Long> markPublished(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("update outbox set published_at = now() where id = any(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .fetch().rowsUpdated();
    }

    @Override
    public void start() {
        if (!settings.relayEnabled()) {
            log.warn("The outbox relay is disabled (hub.outbox.relay-enabled=false): events stay in the outbox");
            return;
        }
        polling = Flux.interval(settings.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> drain().onErrorResume(failure -> {
                    log.warn("Outbox relay pass failed; the rows stay and are retried: {}", failure.toString());
                    return Mono.just(0L);
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = polling;
        if (current != null) {
            current.dispose();
            polling = null;
        }
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }

    /** Stop before the Kafka producer and the connection pool go away. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
