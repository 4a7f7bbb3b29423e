package org.integrationhub.sync.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.ExternalTaskUpdated.Change;
import org.integrationhub.events.SyncRunId;
import org.integrationhub.events.TaskKey;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.support.outbox.Outbox;
import org.integrationhub.sync.runs.SyncRunLedger;
import org.integrationhub.sync.tasks.Assignee;
import org.integrationhub.sync.tasks.ExternalTask;
import org.integrationhub.sync.tasks.ExternalTaskRepository;
import org.integrationhub.sync.tasks.OrganisationLocks;
import org.integrationhub.sync.tasks.TaskAnnouncer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a batch of task observations in one transaction, in offset order, holding its
 * organisations' locks shared ({@link OrganisationLocks}): each envelope's idempotency key is
 * claimed first (a copy is a no-op), then the task is locked and changed only by a newer source
 * version, and every applied change is written to the outbox; an observation a sync run published
 * is counted on that run ({@link SyncRunLedger}). Either all of it commits or none of it does.
 *
 * <p>The work is set-based where the order allows it: one statement claims every key of the batch,
 * one locks and reads every task the batch touches, one resolves every assignee, and the outcomes,
 * the runs' judgements and the outbox rows are written once at the end. Only the task rows
 * themselves are written one statement each, in offset order, each observation judged against the
 * task as the ones before it in the batch left it.
 */
@Service
class ApplyStage {

    enum Outcome {
        APPLIED, UNCHANGED, STALE, DUPLICATE
    }

    private final ApplyStatements statements;
    private final ExternalTaskRepository tasks;
    private final TaskAnnouncer announcer;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final OrganisationLocks locks;
    private final SyncRunLedger runs;

    ApplyStage(ApplyStatements statements, ExternalTaskRepository tasks, TaskAnnouncer announcer, TransactionalOperator transaction,
            Clock clock, OrganisationLocks locks, SyncRunLedger runs) {
        this.statements = statements;
        this.tasks = tasks;
        this.announcer = announcer;
        this.transaction = transaction;
        this.clock = clock;
        this.locks = locks;
        this.runs = runs;
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
                .then(Mono.defer(() -> new Batch(observations, renormalisation).apply()))
                .as(transaction::transactional);
    }

    /** One batch's state while it is applied: the keys it claimed, the tasks as they are now, what to write at the end. */
    private final class Batch {

        private final List<EventEnvelope<TaskObserved>> observations;
        private final Renormalisation renormalisation;
        private final boolean[] claimed;
        /** Observations whose key was claimed before, judged again (a re-normalisation only). */
        private final Set<Integer> rejudged = new HashSet<>();
        private final Map<TaskKey, ExternalTask> current = new HashMap<>();
        private final Map<Assignee, UUID> resources = new HashMap<>();
        private final List<ApplyStatements.KeyOutcome> outcomes = new ArrayList<>();
        private final List<Outbox.Entry> announcements = new ArrayList<>();
        private final List<SyncRunLedger.Judgement> judgements = new ArrayList<>();
        private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);

        Batch(List<EventEnvelope<TaskObserved>> observations, Renormalisation renormalisation) {
            this.observations = observations;
            this.renormalisation = renormalisation;
            this.claimed = new boolean[observations.size()];
        }

        Mono<Map<Outcome, Integer>> apply() {
            return statements.claim(observations)
                    .flatMap(this::markClaimed)
                    .then(Mono.defer(this::loadTasks))
                    .then(Mono.defer(this::resolveAssignees))
                    .thenMany(Flux.range(0, observations.size()).concatMap(this::applyOne))
                    .then(Mono.defer(this::writeCollected))
                    .thenReturn(counts);
        }

        /** The first copy of a key in the batch is the one claimed; a later copy is a duplicate. */
        private Mono<Void> markClaimed(Set<ApplyStatements.OrgKey> newlyClaimed) {
            for (int i = 0; i < observations.size(); i++) {
                claimed[i] = newlyClaimed.remove(ApplyStatements.OrgKey.of(observations.get(i)));
            }
            if (renormalisation == null) {
                return Mono.empty();
            }
            // a key claimed before is judged again, unless an operator discarded it (ADR 0015): it stays aside
            List<EventEnvelope<TaskObserved>> claimedBefore = new ArrayList<>();
            for (int i = 0; i < observations.size(); i++) {
                if (!claimed[i]) {
                    claimedBefore.add(observations.get(i));
                }
            }
            return statements.discarded(claimedBefore).doOnNext(discarded -> {
                for (int i = 0; i < observations.size(); i++) {
                    if (!claimed[i] && !discarded.contains(ApplyStatements.OrgKey.of(observations.get(i)))) {
                        claimed[i] = true; // judged again
                        rejudged.add(i);
                    }
                }
            }).then();
        }

        private Mono<Void> loadTasks() {
            Set<TaskKey> keys = new LinkedHashSet<>();
            for (int i = 0; i < observations.size(); i++) {
                if (claimed[i]) {
                    keys.add(taskKey(observations.get(i)));
                }
            }
            return tasks.findAllForUpdate(keys).doOnNext(task -> current.put(task.taskKey(), task)).then();
        }

        private Mono<Void> resolveAssignees() {
            Set<Assignee> assignees = new LinkedHashSet<>();
            for (int i = 0; i < observations.size(); i++) {
                Assignee assignee = assigneeOf(observations.get(i));
                if (claimed[i] && assignee != null) {
                    assignees.add(assignee);
                }
            }
            return tasks.resolveResources(assignees).doOnNext(resources::putAll).then();
        }

        private Mono<Outcome> applyOne(int index) {
            EventEnvelope<TaskObserved> envelope = observations.get(index);
            Mono<Outcome> judged = !claimed[index] ? Mono.just(Outcome.DUPLICATE)
                    : rejudged.contains(index) ? rejudge(envelope) : decideAndWrite(envelope);
            return judged.doOnNext(outcome -> {
                counts.merge(outcome, 1, Integer::sum);
                SyncRunId run = envelope.payload().syncRunId();
                if (run != null && renormalisation == null) {
                    judgements.add(new SyncRunLedger.Judgement(run, envelope.idempotencyKey(), outcome.name()));
                }
            });
        }

        /** An observation applied before, normalised again: only other content at its version (or a newer one) changes the task. */
        private Mono<Outcome> rejudge(EventEnvelope<TaskObserved> envelope) {
            TaskObserved observed = envelope.payload();
            ExternalTask stored = current.get(taskKey(envelope));
            if (stored != null && Verdict.rejudge(stored, observed, ContentHash.of(observed)).kind() == Verdict.Kind.STALE) {
                return Mono.just(Outcome.STALE); // superseded by a newer version: counted, not recorded on the task
            }
            return write(envelope, stored);
        }

        private Mono<Outcome> decideAndWrite(EventEnvelope<TaskObserved> envelope) {
            return write(envelope, current.get(taskKey(envelope))).doOnNext(outcome -> {
                if (outcome != Outcome.APPLIED) {
                    outcomes.add(new ApplyStatements.KeyOutcome(ApplyStatements.OrgKey.of(envelope), outcome.name()));
                }
            });
        }

        private Mono<Outcome> write(EventEnvelope<TaskObserved> envelope, ExternalTask stored) {
            TaskObserved observed = envelope.payload();
            String hash = ContentHash.of(observed);
            Verdict verdict = renormalisation == null ? Verdict.judge(stored, observed, hash) : Verdict.rejudge(stored, observed, hash);
            String cause = (renormalisation == null ? "observation:" : renormalisation.cause() + ":") + envelope.orgId() + ":"
                    + envelope.idempotencyKey();
            UUID resource = resources.get(assigneeOf(envelope));
            return switch (verdict.kind()) {
                case CREATE -> tasks.insert(ExternalTask.created(UUID.randomUUID(), envelope.orgId(), observed, hash, resource,
                                envelope.eventId()))
                        .map(created -> {
                            remember(created);
                            if (!created.deleted()) {
                                announce(created, Change.CREATED, null, cause);
                            }
                            return Outcome.APPLIED;
                        })
                        // another transaction created the task first: lock it and decide again against its row
                        .switchIfEmpty(Mono.defer(() -> tasks.findForUpdate(envelope.orgId(), observed.system(), observed.externalId())
                                .flatMap(other -> {
                                    remember(other);
                                    return write(envelope, other);
                                })));
                case UPDATE -> tasks.replace(stored.replacedBy(observed, hash, resource, envelope.eventId()))
                        .map(updated -> changed(updated, Change.UPDATED, stored, cause));
                case DELETE -> tasks.replace(stored.deletedBy(observed, hash, envelope.eventId()))
                        .map(deleted -> changed(deleted, Change.DELETED, stored, cause));
                case SAME_CONTENT -> tasks.recordSameContent(stored.id(), observed.sourceUpdatedAt(), envelope.eventId(),
                                observed.source(), observed.rawPayload())
                        .map(moved -> {
                            remember(moved);
                            return Outcome.UNCHANGED;
                        });
                case UNCHANGED -> Mono.just(Outcome.UNCHANGED);
                case STALE -> tasks.recordStale(stored.id(), verdict.staleReason(), clock.instant()).thenReturn(Outcome.STALE);
            };
        }

        private Outcome changed(ExternalTask task, Change change, ExternalTask before, String cause) {
            remember(task);
            announce(task, change, before.status(), cause);
            return Outcome.APPLIED;
        }

        private void remember(ExternalTask task) {
            current.put(task.taskKey(), task);
        }

        private void announce(ExternalTask task, Change change, String previousStatus, String cause) {
            announcements.add(announcer.announcement(task, change, previousStatus, cause));
        }

        /** The keys' outcomes other than applied, the runs' judgements and the outbox rows, each in one statement. */
        private Mono<Void> writeCollected() {
            return statements.recordOutcomes(outcomes)
                    .then(runs.judged(judgements))
                    .then(announcer.announceAll(announcements));
        }

        private static Assignee assigneeOf(EventEnvelope<TaskObserved> envelope) {
            return Assignee.of(envelope.orgId(), envelope.payload().system(), envelope.payload().assignee());
        }

        private static TaskKey taskKey(EventEnvelope<TaskObserved> envelope) {
            return new TaskKey(envelope.orgId(), envelope.payload().system(), envelope.payload().externalId());
        }
    }
}
