package org.integrationhub.sync.ops;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.TaskObserved;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The dead letters an operator handled ({@code sync.dead_letters_handled}); the row is also the claim on the record. */
@Component
class HandledDeadLetters {

    enum Action { REDRIVEN, DISCARDED }

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    HandledDeadLetters(DatabaseClient db, TransactionalOperator transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /**
     * Claims the position as discarded and, for an observation, keeps its idempotency key as
     * {@code discarded} in the same transaction: a later replay or group reset counts it a duplicate
     * instead of applying it. True when this caller claimed it now.
     */
    Mono<Boolean> discard(DeadLetter.Position position, UUID operator, EventEnvelope<TaskObserved> observation) {
        Mono<Boolean> claimed = claim(position, Action.DISCARDED, operator);
        if (observation == null) {
            return claimed;
        }
        return claimed.flatMap(now -> !now ? Mono.just(false) : db.sql("""
                        insert into external_task_events (organisation_id, idempotency_key, event_id, external_system, external_id, outcome)
                        values (:org, :key, :eventId, :system, :externalId, 'discarded') on conflict do nothing""")
                .bind("org", observation.orgId().value()).bind("key", observation.idempotencyKey())
                .bind("eventId", observation.eventId()).bind("system", observation.payload().system().wireName())
                .bind("externalId", observation.payload().externalId())
                .then().thenReturn(true))
                .as(transaction::transactional);
    }

    /** True when this caller claimed the position now; false when it was handled before. */
    Mono<Boolean> claim(DeadLetter.Position position, Action action, UUID operator) {
        return db.sql("""
                        insert into dead_letters_handled (dlt_topic, dlt_partition, dlt_offset, action, handled_by)
                        values (:topic, :partition, :offset, :action, :by) on conflict do nothing""")
                .bind("topic", position.topic()).bind("partition", position.partition()).bind("offset", position.offset())
                .bind("action", action.name().toLowerCase(java.util.Locale.ROOT)).bind("by", operator)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Gives a claim back (the redrive could not be sent). */
    Mono<Void> release(DeadLetter.Position position) {
        return db.sql("delete from dead_letters_handled where dlt_topic = :topic and dlt_partition = :partition and dlt_offset = :offset")
                .bind("topic", position.topic()).bind("partition", position.partition()).bind("offset", position.offset())
                .then();
    }

    /** Every handled position with its action. */
    Mono<Map<DeadLetter.Position, String>> all() {
        return db.sql("select dlt_topic, dlt_partition, dlt_offset, action from dead_letters_handled")
                .map((row, meta) -> Map.entry(new DeadLetter.Position(row.get("dlt_topic", String.class),
                        row.get("dlt_partition", Integer.class), row.get("dlt_offset", Long.class)), row.get("action", String.class)))
                .all().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
