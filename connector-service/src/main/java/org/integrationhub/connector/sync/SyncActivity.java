package org.integrationhub.connector.sync;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.integrationhub.events.OrgId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The organisation's sync activity over time: per UTC day (every day of the window, empty ones
 * too) how many runs were requested, how they ended, and how many items they saw.
 */
@Service
class SyncActivity {

    static final int MAX_DAYS = 90;

    /** One day: runs requested that day; {@code active} are still queued or running. */
    record Day(LocalDate day, long runs, long succeeded, long failed, long active, long itemsSeen) {
    }

    record Activity(LocalDate from, LocalDate to, List<Day> days) {
    }

    private final DatabaseClient db;
    private final Clock clock;

    SyncActivity(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Mono<Activity> lastDays(OrgId org, int days) {
        LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = to.minusDays(days - 1L);
        return db.sql("""
                select d.day, count(r.id) as runs,
                    count(r.id) filter (where r.status = 'succeeded') as succeeded,
                    count(r.id) filter (where r.status = 'failed') as failed,
                    count(r.id) filter (where r.status in ('queued', 'running')) as active,
                    coalesce(sum(r.items_seen), 0) as items_seen
                from generate_series(cast(:from as date), cast(:to as date), interval '1 day') as d(day)
                left join sync_runs r on r.organisation_id = :org
                    and r.requested_at >= d.day at time zone 'UTC' and r.requested_at < (d.day + interval '1 day') at time zone 'UTC'
                group by d.day order by d.day""")
                .bind("org", org.value()).bind("from", from).bind("to", to)
                .map(row -> new Day(row.get("day", java.time.LocalDateTime.class).toLocalDate(), row.get("runs", Long.class),
                        row.get("succeeded", Long.class), row.get("failed", Long.class), row.get("active", Long.class),
                        row.get("items_seen", Number.class).longValue()))
                .all().collectList()
                .map(list -> new Activity(from, to, list));
    }
}
