package org.integrationhub.sync.ops;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The dead letters an operator handled ({@code sync.dead_letters_handled}); the row is also the claim on the record. */
@Component
class HandledDeadLetters {

    enum Action { REDRIVEN, DISCARDED }

    private final DatabaseClient db;

    HandledDeadLetters(DatabaseClient db) {
        this.db = db;
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
