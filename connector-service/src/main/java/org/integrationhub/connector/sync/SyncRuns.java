package org.integrationhub.connector.sync;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.integrationhub.connector.connections.ConnectionProblems.ConnectionNotFound;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.SyncRequested;
import org.integrationhub.events.SyncRunId;
import org.integrationhub.events.Topics;
import org.integrationhub.support.outbox.Outbox;
import org.integrationhub.support.web.HubProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sync runs: a request records a queued run and its {@code SyncRequested} in one transaction
 * (through the outbox, keyed by connection); while a run is queued or running, another request
 * gets that run back instead of a new one. The sync-worker reports progress on the run.
 */
@Service
public class SyncRuns {

    private static final Logger log = LoggerFactory.getLogger(SyncRuns.class);

    private final DatabaseClient db;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;

    SyncRuns(DatabaseClient db, Outbox outbox, TransactionalOperator transaction, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    static final class ConnectionDisabled extends HubProblem {
        ConnectionDisabled() {
            super(HttpStatus.CONFLICT, "connection_disabled", "The connection is disabled; enable it before syncing.");
        }
    }

    static final class SyncRunNotFound extends HubProblem {
        SyncRunNotFound() {
            super(HttpStatus.NOT_FOUND, "sync_run_not_found", "No such sync run.");
        }
    }

    /** The queued run, or the one already queued or running for this connection. */
    public Mono<SyncRun> request(OrgId org, ConnectionId connection, SyncRequested.Trigger trigger) {
        return db.sql("select type, enabled from connections where organisation_id = :org and id = :id")
                .bind("org", org.value()).bind("id", connection.value())
                .map((row, meta) -> new Object[] {row.get("type", String.class), row.get("enabled", Boolean.class)}).one()
                .switchIfEmpty(Mono.error(new ConnectionNotFound()))
                .flatMap(found -> {
                    if (!Boolean.TRUE.equals(found[1])) {
                        return Mono.error(new ConnectionDisabled());
                    }
                    ExternalSystem system = ExternalSystem.fromWireName((String) found[0]);
                    // the pending run may finish between our insert and our read: then queue again, once
                    return queue(org, connection, system, trigger)
                            .switchIfEmpty(Mono.defer(() -> queue(org, connection, system, trigger)))
                            .switchIfEmpty(Mono.error(() -> new IllegalStateException("No sync run could be queued for " + connection)));
                });
    }

    private Mono<SyncRun> queue(OrgId org, ConnectionId connection, ExternalSystem system, SyncRequested.Trigger trigger) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Mono<SyncRun> inserted = db.sql("""
                insert into sync_runs (id, connection_id, organisation_id, trigger, status, requested_at)
                values (:id, :connection, :org, :trigger, 'queued', :now)
                on conflict (connection_id) where status in ('queued', 'running') do nothing
                returning *""")
                .bind("id", id).bind("connection", connection.value()).bind("org", org.value())
                .bind("trigger", trigger.name().toLowerCase(java.util.Locale.ROOT)).bind("now", now)
                .map(SyncRuns::toRun).one()
                .flatMap(run -> announce(org, connection, system, trigger, run).thenReturn(run));
        return inserted.switchIfEmpty(active(connection))
                .as(transaction::transactional)
                .doOnNext(run -> log.info("Sync run {} for connection {} is {}", run.id(), connection, run.status()));
    }

    private Mono<Void> announce(OrgId org, ConnectionId connection, ExternalSystem system, SyncRequested.Trigger trigger, SyncRun run) {
        SyncRunId runId = SyncRunId.of(run.id());
        var payload = new SyncRequested(connection, runId, system, trigger, false, run.requestedAt());
        var envelope = EventEnvelope.of(UUID.randomUUID(), EventTypes.SYNC_REQUESTED, org, "sync-run:" + runId, payload, clock);
        return outbox.add(Topics.SYNC_REQUESTS, connection, envelope, "sync_run", run.id().toString());
    }

    private Mono<SyncRun> active(ConnectionId connection) {
        return db.sql("select * from sync_runs where connection_id = :connection and status in ('queued', 'running')")
                .bind("connection", connection.value()).map(SyncRuns::toRun).one();
    }

    /** The connection's runs, newest first (at most 50). */
    public Flux<SyncRun> history(OrgId org, ConnectionId connection) {
        return db.sql("select 1 from connections where organisation_id = :org and id = :id")
                .bind("org", org.value()).bind("id", connection.value()).map((row, meta) -> 1).one()
                .switchIfEmpty(Mono.error(new ConnectionNotFound()))
                .thenMany(db.sql("select * from sync_runs where connection_id = :connection order by requested_at desc limit 50")
                        .bind("connection", connection.value()).map(SyncRuns::toRun).all());
    }

    /** Progress reported by the sync-worker; counts only grow, and a finished run stays finished. */
    public Mono<SyncRun> report(UUID runId, String status, int pages, int itemsSeen, int itemsApplied, String error) {
        Instant now = clock.instant();
        var spec = db.sql("""
                update sync_runs set status = :status,
                       pages = greatest(pages, :pages), items_seen = greatest(items_seen, :seen),
                       items_applied = greatest(items_applied, :applied), error = :error,
                       started_at = coalesce(started_at, :now),
                       finished_at = case when :status in ('succeeded', 'failed') then :now else finished_at end
                 where id = :id and status in ('queued', 'running')
                returning *""")
                .bind("id", runId).bind("status", status).bind("pages", pages).bind("seen", itemsSeen)
                .bind("applied", itemsApplied).bind("now", now);
        spec = error == null ? spec.bindNull("error", String.class) : spec.bind("error", error);
        return spec.map(SyncRuns::toRun).one()
                .switchIfEmpty(db.sql("select * from sync_runs where id = :id").bind("id", runId).map(SyncRuns::toRun).one())
                .switchIfEmpty(Mono.error(new SyncRunNotFound()));
    }

    private static SyncRun toRun(Readable row) {
        return new SyncRun(row.get("id", UUID.class), row.get("connection_id", UUID.class), row.get("trigger", String.class),
                row.get("status", String.class), row.get("pages", Integer.class), row.get("items_seen", Integer.class),
                row.get("items_applied", Integer.class), row.get("error", String.class), row.get("requested_at", Instant.class),
                row.get("started_at", Instant.class), row.get("finished_at", Instant.class));
    }
}
