package org.integrationhub.sync.apply;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.ExternalTaskUpdated.Change;
import org.integrationhub.events.SyncRunId;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.sync.runs.SyncRunLedger;
import org.integrationhub.sync.tasks.ExternalTask;
import org.integrationhub.sync.tasks.ExternalTaskRepository;
import org.integrationhub.sync.tasks.OrganisationLocks;
import org.integrationhub.sync.tasks.TaskAnnouncer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a batch of task observations in one transaction, in offset order, holding its
 * organisations' locks shared ({@link OrganisationLocks}): each envelope's
 * idempotency key is claimed first (a copy is a no-op), then the task is locked and changed only
 * by a newer source version, and every applied change is written to the outbox; an observation a sync
 * run published is counted on that run ({@link SyncRunLedger}). Either all of it commits or none of it does.
 */
@Service
class ApplyStage {

    enum Outcome {
        APPLIED, UNCHANGED, STALE, DUPLICATE
    }

    private final DatabaseClient db;
    private final ExternalTaskRepository tasks;
    private final TaskAnnouncer announcer;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final OrganisationLocks locks;

    private final SyncRunLedger runs;

    ApplyStage(DatabaseClient db, ExternalTaskRepository tasks, TaskAnnouncer announcer, TransactionalOperator transaction, Clock clock,
            OrganisationLocks locks, SyncRunLedger runs) {
        this.db = db;
        this.runs = runs;
        this.locks = locks;
        this.tasks = tasks;
        this.announcer = announcer;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * A re-normalisation (ADR 0017): observations whose idempotency key was claimed before are judged
     * again by source version and content hash ({@link Verdict#rejudge}) instead of being skipped as
     * duplicates; a change is announced with an event id derived from {@code cause} (the replay), and
     * the stored outcome of the key and the stale records stay as they were.
     */
    record Renormalisation(String cause) {
    }

    /** How many observations of the batch ended how; only after the transaction committed. */
    Mono<Map<Outcome, Integer>> apply(List<EventEnvelope<TaskObserved>> observations) {
        return apply(observations, null);
    }

    /** As {@link #apply(List)}; {@code renormalisation} null for the usual effectively-once apply. */
    Mono<Map<Outcome, Integer>> apply(List<EventEnvelope<TaskObserved>> observations, Renormalisation renormalisation) {
        return locks.forApplying(observations.stream().map(EventEnvelope::orgId).toList())
                .thenMany(Flux.fromIterable(observations).concatMap(envelope -> applyOne(envelope, renormalisation)))
                .collect(() -> new EnumMap<Outcome, Integer>(Outcome.class), (counts, outcome) -> counts.merge(outcome, 1, Integer::sum))
                .map(counts -> (Map<Outcome, Integer>) counts)
                .as(transaction::transactional);
    }

    private Mono<Outcome> applyOne(EventEnvelope<TaskObserved> envelope, Renormalisation renormalisation) {
        return claim(envelope).flatMap(claimed -> claimed ? decideAndWrite(envelope, renormalisation)
                : renormalisation != null ? rejudge(envelope, renormalisation) : Mono.just(Outcome.DUPLICATE))
                .flatMap(outcome -> countForRun(envelope, outcome, renormalisation));
    }

    /** An observation a sync run's fetch published counts on that run once, at its first judgement (ADR 0021). */
    private Mono<Outcome> countForRun(EventEnvelope<TaskObserved> envelope, Outcome outcome, Renormalisation renormalisation) {
        SyncRunId run = envelope.payload().syncRunId();
        if (run == null || renormalisation != null) {
            return Mono.just(outcome);
        }
        return runs.judged(run, envelope.idempotencyKey(), outcome.name()).thenReturn(outcome);
    }

    /** An observation applied before, normalised again: only other content at its version (or a newer one) changes the task. */
    private Mono<Outcome> rejudge(EventEnvelope<TaskObserved> envelope, Renormalisation renormalisation) {
        return db.sql("select outcome from external_task_events where organisation_id = :org and idempotency_key = :key")
                .bind("org", envelope.orgId().value()).bind("key", envelope.idempotencyKey())
                .map((row, meta) -> row.get("outcome", String.class)).one()
                // an operator discarded it (ADR 0015): it stays aside, re-normalised or not
                .flatMap(outcome -> "discarded".equals(outcome) ? Mono.just(Outcome.DUPLICATE) : Mono.empty())
                .switchIfEmpty(Mono.defer(() -> rejudgeTask(envelope, renormalisation)));
    }

    private Mono<Outcome> rejudgeTask(EventEnvelope<TaskObserved> envelope, Renormalisation renormalisation) {
        TaskObserved observed = envelope.payload();
        return tasks.findForUpdate(envelope.orgId(), observed.system(), observed.externalId())
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(stored -> {
                    Verdict verdict = stored.isEmpty() ? null : Verdict.rejudge(stored.get(), observed, ContentHash.of(observed));
                    if (verdict != null && verdict.kind() == Verdict.Kind.STALE) {
                        return Mono.just(Outcome.STALE); // superseded by a newer version: counted, not recorded on the task
                    }
                    return write(envelope, stored.orElse(null), renormalisation);
                });
    }

    /** Inserts the idempotency key; false when it was there already (this envelope was applied before). */
    private Mono<Boolean> claim(EventEnvelope<TaskObserved> envelope) {
        TaskObserved observed = envelope.payload();
        return db.sql("insert into external_task_events (organisation_id, idempotency_key, event_id, external_system, external_id, "
                        + "outcome) values (:org, :key, :eventId, :system, :externalId, 'applied') on conflict do nothing")
                .bind("org", envelope.orgId().value()).bind("key", envelope.idempotencyKey()).bind("eventId", envelope.eventId())
                .bind("system", observed.system().wireName()).bind("externalId", observed.externalId())
                .fetch().rowsUpdated().map(inserted -> inserted > 0);
    }

    private Mono<Outcome> decideAndWrite(EventEnvelope<TaskObserved> envelope, Renormalisation renormalisation) {
        TaskObserved observed = envelope.payload();
        return tasks.findForUpdate(envelope.orgId(), observed.system(), observed.externalId())
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(stored -> write(envelope, stored.orElse(null), renormalisation))
                .flatMap(outcome -> outcome == Outcome.APPLIED ? Mono.just(outcome) : recordOutcome(envelope, outcome));
    }

    private Mono<Outcome> write(EventEnvelope<TaskObserved> envelope, ExternalTask stored, Renormalisation renormalisation) {
        TaskObserved observed = envelope.payload();
        String hash = ContentHash.of(observed);
        Verdict verdict = renormalisation == null ? Verdict.judge(stored, observed, hash) : Verdict.rejudge(stored, observed, hash);
        String cause = (renormalisation == null ? "observation:" : renormalisation.cause() + ":") + envelope.orgId() + ":"
                + envelope.idempotencyKey();
        return switch (verdict.kind()) {
            case CREATE -> resolve(envelope)
                    .flatMap(resource -> tasks.insert(ExternalTask.created(UUID.randomUUID(), envelope.orgId(), observed, hash,
                            resource.orElse(null), envelope.eventId())))
                    .flatMap(created -> created.deleted() ? Mono.just(Outcome.APPLIED)
                            : announcer.announce(created, Change.CREATED, null, cause).thenReturn(Outcome.APPLIED))
                    // another transaction created the task first: decide again against its row
                    .switchIfEmpty(Mono.defer(() -> decideAndWrite(envelope, renormalisation)));
            case UPDATE -> resolve(envelope)
                    .flatMap(resource -> tasks.replace(stored.replacedBy(observed, hash, resource.orElse(null), envelope.eventId())))
                    .flatMap(updated -> announcer.announce(updated, Change.UPDATED, stored.status(), cause))
                    .thenReturn(Outcome.APPLIED);
            case DELETE -> tasks.replace(stored.deletedBy(observed, hash, envelope.eventId()))
                    .flatMap(deleted -> announcer.announce(deleted, Change.DELETED, stored.status(), cause))
                    .thenReturn(Outcome.APPLIED);
            case SAME_CONTENT -> tasks.recordSameContent(stored.id(), observed.sourceUpdatedAt(), envelope.eventId(),
                    observed.source(), observed.rawPayload()).thenReturn(Outcome.UNCHANGED);
            case UNCHANGED -> Mono.just(Outcome.UNCHANGED);
            case STALE -> tasks.recordStale(stored.id(), verdict.staleReason(), clock.instant()).thenReturn(Outcome.STALE);
        };
    }

    private Mono<Optional<UUID>> resolve(EventEnvelope<TaskObserved> envelope) {
        TaskObserved observed = envelope.payload();
        return tasks.resolveResource(envelope.orgId(), observed.system(), observed.assignee())
                .map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private Mono<Outcome> recordOutcome(EventEnvelope<TaskObserved> envelope, Outcome outcome) {
        return db.sql("update external_task_events set outcome = :outcome where organisation_id = :org and idempotency_key = :key")
                .bind("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .bind("org", envelope.orgId().value()).bind("key", envelope.idempotencyKey())
                .then().thenReturn(outcome);
    }
}
