package org.integrationhub.sync.ops;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sync.replay_jobs} (ADR 0017): each replay's request and progress, saved by the instance
 * running it after every batch, so the list survives a restart. A running job whose heartbeat is
 * older than {@link #HEARTBEAT_LOST} lost its instance and reads as {@code interrupted}.
 * Blocking calls, bounded: they run on the replay's own threads.
 */
@Component
class ReplayJobStore {

    static final Duration HEARTBEAT_LOST = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, case when status = 'running' and heartbeat_at < now() - make_interval(secs => "
            + HEARTBEAT_LOST.toSeconds() + ") then 'interrupted' else status end as status, request::text as request, started_by, total, "
            + "read, skipped, unreadable, observations, duplicate, applied, unchanged, stale, started_at, finished_at, error";

    private final DatabaseClient db;

    ReplayJobStore(DatabaseClient db) {
        this.db = db;
    }

    void insert(ReplayJobs.Progress job) {
        db.sql("insert into replay_jobs (id, status, request, started_by, started_at, heartbeat_at) "
                        + "values (:id, :status, cast(:request as jsonb), :startedBy, :startedAt, now())")
                .bind("id", job.id()).bind("status", job.status()).bind("request", JSON.writeValueAsString(job.request()))
                .bind("startedBy", job.startedBy()).bind("startedAt", job.startedAt())
                .then().block(TIMEOUT);
    }

    /** Saves the counts and status (and the heartbeat); true when an operator asked to cancel meanwhile. */
    boolean save(ReplayJobs.Progress job) {
        var spec = db.sql("update replay_jobs set status = :status, total = :total, read = :read, skipped = :skipped, "
                        + "unreadable = :unreadable, observations = :observations, duplicate = :duplicate, applied = :applied, "
                        + "unchanged = :unchanged, stale = :stale, finished_at = :finishedAt, error = :error, heartbeat_at = now() "
                        + "where id = :id returning cancel_requested")
                .bind("id", job.id()).bind("status", job.status()).bind("total", job.total()).bind("read", job.read())
                .bind("skipped", job.skipped()).bind("unreadable", job.unreadable()).bind("observations", job.observations())
                .bind("duplicate", job.duplicate()).bind("applied", job.applied()).bind("unchanged", job.unchanged())
                .bind("stale", job.stale());
        spec = job.finishedAt() == null ? spec.bindNull("finishedAt", OffsetDateTime.class) : spec.bind("finishedAt", job.finishedAt());
        spec = job.error() == null ? spec.bindNull("error", String.class) : spec.bind("error", job.error());
        return Boolean.TRUE.equals(spec.map((row, meta) -> row.get("cancel_requested", Boolean.class)).one().block(TIMEOUT));
    }

    /** Asks the job to stop; its instance sees this on its next save. Empty when there is no such job. */
    Optional<ReplayJobs.Progress> requestCancel(UUID id) {
        db.sql("update replay_jobs set cancel_requested = true where id = :id and status = 'running'").bind("id", id).then().block(TIMEOUT);
        return find(id);
    }

    /** Jobs of this instance that stop with it (a shutdown): interrupted, not resumed. */
    void interrupt(List<UUID> ids, Instant at) {
        if (!ids.isEmpty()) {
            db.sql("update replay_jobs set status = 'interrupted', finished_at = :at where id = any(:ids) and status = 'running'")
                    .bind("at", at).bind("ids", ids.toArray(UUID[]::new)).then().block(TIMEOUT);
        }
    }

    Optional<ReplayJobs.Progress> find(UUID id) {
        return Optional.ofNullable(db.sql("select " + COLUMNS + " from replay_jobs where id = :id").bind("id", id)
                .map((row, meta) -> progressOf(row)).one().block(TIMEOUT));
    }

    /** The newest first. */
    List<ReplayJobs.Progress> latest(int limit) {
        return db.sql("select " + COLUMNS + " from replay_jobs order by started_at desc limit :limit").bind("limit", limit)
                .map((row, meta) -> progressOf(row)).all().collectList().block(TIMEOUT);
    }

    private static ReplayJobs.Progress progressOf(Readable row) {
        OffsetDateTime finished = row.get("finished_at", OffsetDateTime.class);
        return new ReplayJobs.Progress(row.get("id", UUID.class), row.get("status", String.class),
                JSON.readValue(row.get("request", String.class), ReplayRequest.class), row.get("started_by", UUID.class),
                row.get("total", Long.class), row.get("read", Long.class), row.get("skipped", Long.class),
                row.get("unreadable", Long.class), row.get("observations", Long.class), row.get("duplicate", Long.class),
                row.get("applied", Long.class), row.get("unchanged", Long.class), row.get("stale", Long.class),
                row.get("started_at", OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant(),
                row.get("error", String.class));
    }
}
