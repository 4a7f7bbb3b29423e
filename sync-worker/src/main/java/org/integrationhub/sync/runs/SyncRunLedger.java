package org.integrationhub.sync.runs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.SyncRunId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a sync run's fetch published and how the apply stage judged it (ADR 0021), in
 * {@code sync_run_fetches} and {@code sync_run_observations}. The fetch records each page's idempotency
 * keys before it publishes them, so "seen" counts each key once however often a page is fetched again;
 * the apply stage records the first judgement of each key in its batch's transaction, so a redelivered
 * or replayed observation is never counted twice. A run is finished once its fetch ended and every key
 * it recorded has been judged.
 */
@Component
public class SyncRunLedger {

    /** A run's progress as connector-service shows it; {@code status} is running, succeeded or failed. */
    public record Progress(SyncRunId run, String status, int pages, int itemsSeen, int itemsApplied, int itemsJudged, String error,
            String reported) {

        /** The part connector-service acknowledges; a report is due when it differs from the last acknowledged one. */
        public String reportable() {
            return status + "/" + pages + "/" + itemsSeen + "/" + itemsApplied;
        }

        public boolean finished() {
            return !"running".equals(status);
        }

        public boolean reportDue() {
            return !reportable().equals(reported);
        }
    }

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    SyncRunLedger(DatabaseClient db, TransactionalOperator transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /** The fetch starts (or, after a crash, starts again: what it recorded before is kept). */
    public Mono<Void> fetchStarted(SyncRunId run, OrgId org, ConnectionId connection) {
        return db.sql("""
                insert into sync_run_fetches (sync_run_id, organisation_id, connection_id, state)
                values (:run, :org, :connection, 'fetching')
                on conflict (sync_run_id) do update set state = 'fetching', error = null, updated_at = now()
                 where not sync_run_fetches.closed""")
                .bind("run", run.value()).bind("org", org.value()).bind("connection", connection.value()).then();
    }

    /** A page is about to be published: its keys (each counted once per run) and one more page, in one transaction. */
    public Mono<Void> pagePublishing(SyncRunId run, List<String> idempotencyKeys) {
        Mono<Void> keys = idempotencyKeys.isEmpty() ? Mono.empty() : db.sql("""
                insert into sync_run_observations (sync_run_id, idempotency_key)
                select :run, key from unnest(:keys::text[]) as key
                on conflict do nothing""")
                .bind("run", run.value()).bind("keys", idempotencyKeys.toArray(String[]::new)).then();
        return keys.then(db.sql("update sync_run_fetches set pages = pages + 1, updated_at = now() where sync_run_id = :run")
                        .bind("run", run.value()).then())
                .as(transaction::transactional);
    }

    public Mono<Void> fetchEnded(SyncRunId run) {
        return setState(run, "ended", null);
    }

    public Mono<Void> fetchFailed(SyncRunId run, String error) {
        return setState(run, "failed", error);
    }

    private Mono<Void> setState(SyncRunId run, String state, String error) {
        var spec = db.sql("update sync_run_fetches set state = :state, error = :error, updated_at = now() where sync_run_id = :run")
                .bind("run", run.value()).bind("state", state);
        return (error == null ? spec.bindNull("error", String.class) : spec.bind("error", error)).then();
    }

    /** The apply stage's first judgement of an observation a run published: its outcome (applied, unchanged, stale, duplicate). */
    public record Judgement(SyncRunId run, String idempotencyKey, String outcome) {
    }

    /**
     * The apply stage judged these observations, in this order; to be called inside the batch's transaction. Only
     * the first judgement of a key counts: a later copy in the list, a redelivery, a replay or an observation of
     * another run changes nothing.
     */
    public Mono<Void> judged(List<Judgement> judgements) {
        var first = new LinkedHashMap<String, Judgement>();
        judgements.forEach(judgement -> first.putIfAbsent(judgement.run() + "|" + judgement.idempotencyKey(), judgement));
        if (first.isEmpty()) {
            return Mono.empty();
        }
        var distinct = List.copyOf(first.values());
        return db.sql("""
                update sync_run_observations o set outcome = j.outcome, judged_at = now()
                  from unnest(:runs::uuid[], :keys::text[], :outcomes::text[]) as j(run, key, outcome)
                 where o.sync_run_id = j.run and o.idempotency_key = j.key and o.outcome is null""")
                .bind("runs", distinct.stream().map(j -> j.run().value()).toArray(UUID[]::new))
                .bind("keys", distinct.stream().map(Judgement::idempotencyKey).toArray(String[]::new))
                .bind("outcomes", distinct.stream().map(j -> j.outcome().toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .then();
    }

    /** The run's progress; empty for a run whose fetch this service never started. */
    public Mono<Progress> progress(SyncRunId run) {
        return db.sql("""
                select f.state, f.pages, f.error, f.reported, o.seen, o.judged, o.applied
                  from sync_run_fetches f,
                       lateral (select count(*) as seen, count(outcome) as judged,
                                       count(*) filter (where outcome = 'applied') as applied
                                  from sync_run_observations where sync_run_id = f.sync_run_id) o
                 where f.sync_run_id = :run""")
                .bind("run", run.value())
                .map(row -> {
                    String state = row.get("state", String.class);
                    int seen = row.get("seen", Long.class).intValue();
                    int judged = row.get("judged", Long.class).intValue();
                    String status = switch (state) {
                        case "failed" -> "failed";
                        case "ended" -> judged >= seen ? "succeeded" : "running";
                        default -> "running";
                    };
                    return new Progress(run, status, row.get("pages", Integer.class), seen, row.get("applied", Long.class).intValue(),
                            judged, row.get("error", String.class), row.get("reported", String.class));
                })
                .one();
    }

    /** connector-service acknowledged this progress; a finished one closes the run here. */
    public Mono<Void> reported(Progress progress) {
        return db.sql("update sync_run_fetches set reported = :reported, closed = :closed where sync_run_id = :run and not closed")
                .bind("run", progress.run().value()).bind("reported", progress.reportable()).bind("closed", progress.finished())
                .then();
    }

    /** Runs whose final status connector-service has not acknowledged yet, oldest change first. */
    public Flux<SyncRunId> open(int limit) {
        return db.sql("select sync_run_id from sync_run_fetches where not closed order by updated_at limit :limit")
                .bind("limit", limit)
                .map(row -> SyncRunId.of(row.get("sync_run_id", UUID.class))).all();
    }
}
