package org.integrationhub.sync.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Applies a batch of task observations in one transaction, in offset order, holding its
 * organisations' locks shared ({@link OrganisationLocks}): each envelope's idempotency key is
 * claimed first (a copy is a no-op), then the task is locked and changed only by a newer source
 * version, and every applied change is written to the outbox; an observation a sync run published
 * is counted on that run ({@link SyncRunLedger}). Either all of it commits or none of it does.
 *
 * <p>The work is set-based (ADR 0022): one statement claims every key of the batch, one locks and
 * reads every task the batch touches, one resolves every assignee. Each observation is then judged
 * in memory, in offset order, against the task as the observations before it left it, and the
 * result is written with one statement each: new tasks, changed tasks, stale records, outcomes, the
 * runs' judgements and the outbox rows. A task another transaction created meanwhile makes the
 * insert come up short: the batch rolls back and is applied again, now seeing that task.
 */
@Service
class ApplyStage {

    enum Outcome {
        APPLIED, UNCHANGED, STALE, DUPLICATE
    }

    /** Another transaction created a task this batch creates too: the batch is applied again. */
    static final class ConcurrentCreation extends RuntimeException {

        ConcurrentCreation(long expected, long inserted) {
            super("inserted " + inserted + " of " + expected + " new tasks: another transaction created the others first");
        }
    }

    private static final int CONCURRENT_CREATION_RETRIES = 5;
    private static final Logger log = LoggerFactory.getLogger(ApplyStage.class);

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
        return Mono.defer(() -> locks.forApplying(observations.stream().map(EventEnvelope::orgId).toList())
                        .then(Mono.defer(() -> new Batch(observations, renormalisation).apply()))
                        .as(transaction::transactional))
                .retryWhen(Retry.max(CONCURRENT_CREATION_RETRIES).filter(ConcurrentCreation.class::isInstance)
                        .doBeforeRetry(signal -> log.info("A batch of {} observation(s) is applied again: {}", observations.size(),
                                signal.failure().getMessage()))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /** One batch while it is applied: the keys it claimed, the tasks as the batch left them so far, what to write. */
    private final class Batch {

        private final List<EventEnvelope<TaskObserved>> observations;
        private final Renormalisation renormalisation;
        private final boolean[] claimed;
        /** Observations whose key was claimed before, judged again (a re-normalisation only). */
        private final Set<Integer> rejudged = new HashSet<>();
        private final Map<TaskKey, ExternalTask> current = new HashMap<>();
        private final Map<Assignee, UUID> resources = new HashMap<>();
        /** Tasks this batch creates and tasks it changes, each written once in its final state. */
        private final Set<TaskKey> created = new LinkedHashSet<>();
        private final Set<TaskKey> changed = new LinkedHashSet<>();
        private final Map<UUID, ExternalTaskRepository.Stale> stale = new LinkedHashMap<>();
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
                    .then(Mono.fromRunnable(this::judgeAll))
                    .then(Mono.defer(this::write))
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
                        claimed[i] = true;
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

        private void judgeAll() {
            for (int index = 0; index < observations.size(); index++) {
                EventEnvelope<TaskObserved> envelope = observations.get(index);
                Outcome outcome = !claimed[index] ? Outcome.DUPLICATE : rejudged.contains(index) ? rejudge(envelope) : judge(envelope);
                counts.merge(outcome, 1, Integer::sum);
                SyncRunId run = envelope.payload().syncRunId();
                if (run != null && renormalisation == null) {
                    judgements.add(new SyncRunLedger.Judgement(run, envelope.idempotencyKey(), outcome.name()));
                }
            }
        }

        /** An observation applied before, normalised again: only other content at its version (or a newer one) changes the task. */
        private Outcome rejudge(EventEnvelope<TaskObserved> envelope) {
            TaskObserved observed = envelope.payload();
            ExternalTask stored = current.get(taskKey(envelope));
            if (stored != null && Verdict.rejudge(stored, observed, ContentHash.of(observed)).kind() == Verdict.Kind.STALE) {
                return Outcome.STALE; // superseded by a newer version: counted, not recorded on the task
            }
            return change(envelope, stored);
        }

        /** A newly claimed observation: its outcome is stored with its key unless it applied (the claim's default). */
        private Outcome judge(EventEnvelope<TaskObserved> envelope) {
            Outcome outcome = change(envelope, current.get(taskKey(envelope)));
            if (outcome != Outcome.APPLIED) {
                outcomes.add(new ApplyStatements.KeyOutcome(ApplyStatements.OrgKey.of(envelope), outcome.name()));
            }
            return outcome;
        }

        private Outcome change(EventEnvelope<TaskObserved> envelope, ExternalTask stored) {
            TaskObserved observed = envelope.payload();
            String hash = ContentHash.of(observed);
            Verdict verdict = renormalisation == null ? Verdict.judge(stored, observed, hash) : Verdict.rejudge(stored, observed, hash);
            String cause = (renormalisation == null ? "observation:" : renormalisation.cause() + ":") + envelope.orgId() + ":"
                    + envelope.idempotencyKey();
            UUID resource = resources.get(assigneeOf(envelope));
            return switch (verdict.kind()) {
                case CREATE -> {
                    ExternalTask task = ExternalTask.created(UUID.randomUUID(), envelope.orgId(), observed, hash, resource, envelope.eventId());
                    created.add(task.taskKey());
                    current.put(task.taskKey(), task);
                    if (!task.deleted()) {
                        announce(task, Change.CREATED, null, cause);
                    }
                    yield Outcome.APPLIED;
                }
                case UPDATE -> {
                    announce(moved(stored.replacedBy(observed, hash, resource, envelope.eventId())), Change.UPDATED, stored.status(), cause);
                    yield Outcome.APPLIED;
                }
                case DELETE -> {
                    announce(moved(stored.deletedBy(observed, hash, envelope.eventId())), Change.DELETED, stored.status(), cause);
                    yield Outcome.APPLIED;
                }
                case SAME_CONTENT -> {
                    moved(stored.withProvenance(observed.sourceUpdatedAt(), envelope.eventId(), observed.source(), observed.rawPayload()));
                    yield Outcome.UNCHANGED;
                }
                case UNCHANGED -> Outcome.UNCHANGED;
                case STALE -> {
                    ExternalTaskRepository.Stale before = stale.get(stored.id());
                    stale.put(stored.id(), new ExternalTaskRepository.Stale(stored.id(), verdict.staleReason(), clock.instant(),
                            before == null ? 1 : before.count() + 1));
                    yield Outcome.STALE;
                }
            };
        }

        /** The task's next state; written once at the end (inserted with the others if the batch created it). */
        private ExternalTask moved(ExternalTask task) {
            current.put(task.taskKey(), task);
            if (!created.contains(task.taskKey())) {
                changed.add(task.taskKey());
            }
            return task;
        }

        private void announce(ExternalTask task, Change change, String previousStatus, String cause) {
            announcements.add(announcer.announcement(task, change, previousStatus, cause));
        }

        /** New tasks, changed tasks, stale records, outcomes, the runs' judgements and the outbox rows: one statement each. */
        private Mono<Void> write() {
            List<ExternalTask> inserts = created.stream().map(current::get).toList();
            return tasks.insertAll(inserts)
                    .flatMap(inserted -> inserted == inserts.size() ? Mono.<Void>empty()
                            : Mono.error(new ConcurrentCreation(inserts.size(), inserted)))
                    .then(tasks.replaceAll(changed.stream().map(current::get).toList()))
                    .then(tasks.recordStale(List.copyOf(stale.values())))
                    .then(statements.recordOutcomes(outcomes))
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
