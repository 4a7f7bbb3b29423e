package org.integrationhub.connector.notifications;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import org.integrationhub.events.ConnectionId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dedup log of notifications ({@code slack_notified_events}): a notification is taken by
 * inserting its (event id, Slack connection) row, committed before anything is posted, so a
 * redelivered event posts nothing; the row then says whether it was posted or dropped (ADR 0016).
 */
@Repository
class NotifiedEvents {

    enum Outcome { POSTED, DROPPED }

    private final DatabaseClient db;
    private final Clock clock;

    NotifiedEvents(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** True when this call took the notification, false when the event was already taken for that connection. */
    Mono<Boolean> take(UUID eventId, ConnectionId connection) {
        return db.sql("""
                insert into slack_notified_events (event_id, connection_id, status, recorded_at)
                values (:event, :connection, 'pending', :now) on conflict do nothing""")
                .bind("event", eventId).bind("connection", connection.value()).bind("now", clock.instant())
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Forgets the rows recorded before {@code horizon}; answers how many. */
    Mono<Long> forgetRecordedBefore(java.time.Instant horizon) {
        return db.sql("delete from slack_notified_events where recorded_at < :horizon").bind("horizon", horizon)
                .fetch().rowsUpdated();
    }

    Mono<Void> finish(ConnectionId connection, Collection<UUID> eventIds, Outcome outcome) {
        return Flux.fromIterable(eventIds).buffer(500)
                .concatMap(ids -> db.sql("""
                        update slack_notified_events set status = :status, finished_at = :now
                         where connection_id = :connection and event_id = any(:ids)""")
                        .bind("status", outcome.name().toLowerCase(java.util.Locale.ROOT)).bind("now", clock.instant())
                        .bind("connection", connection.value()).bind("ids", ids.toArray(UUID[]::new))
                        .fetch().rowsUpdated())
                .then();
    }
}
