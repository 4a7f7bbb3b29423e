package org.integrationhub.sandbox.data;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.integrationhub.sandbox.SandboxSettings;
import org.springframework.stereotype.Component;

/**
 * The sandbox's issues: the generated ones, plus every issue a test created, changed or deleted
 * (kept in memory; a changed issue moves to the end of the "updated" order, as at a real
 * provider). Listeners hear of every change (the webhook senders).
 */
@Component
public class IssueStore {

    /** A change to one issue: {@code before} is null for a creation. */
    public record Change(String type, SandboxIssue before, SandboxIssue after) {
    }

    private final IssueGenerator generator;
    private final SandboxSettings settings;
    private final Clock clock;
    private final Map<String, SandboxIssue> changed = new ConcurrentHashMap<>();
    private final Map<SandboxIssues.Kind, Integer> created = new ConcurrentHashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private volatile Instant lastUpdate = Instant.EPOCH;

    public IssueStore(SandboxSettings settings, Clock clock) {
        this.generator = new IssueGenerator(settings.seed());
        this.settings = settings;
        this.clock = clock;
    }

    public List<SandboxPerson> people() {
        return generator.people();
    }

    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    /** Every live issue of a provider whose container passes the filter, updated at or after {@code since}, oldest update first. */
    public Stream<SandboxIssue> updatedSince(SandboxIssues.Kind kind, Instant since, Predicate<String> container) {
        int generated = count(kind);
        int first = since == null || !since.isAfter(IssueGenerator.BASE) ? 0
                : (int) Math.min(generated, (since.toEpochMilli() - IssueGenerator.BASE.toEpochMilli()
                        + IssueGenerator.STEP.toMillis() - 1) / IssueGenerator.STEP.toMillis());
        Stream<SandboxIssue> base = IntStream.range(first, generated)
                .mapToObj(i -> generated(kind, i))
                .filter(issue -> !changed.containsKey(storeKey(kind, issue.id())));
        Stream<SandboxIssue> touched = changed.values().stream()
                .filter(issue -> issue.kind() == kind && (since == null || !issue.updated().isBefore(since)))
                .sorted(Comparator.comparing(SandboxIssue::updated).thenComparing(SandboxIssue::id));
        return Stream.concat(base, touched).filter(issue -> !issue.deleted() && container.test(issue.container()));
    }

    public Optional<SandboxIssue> find(SandboxIssues.Kind kind, long id) {
        SandboxIssue touched = changed.get(storeKey(kind, id));
        if (touched != null) {
            return touched.deleted() ? Optional.empty() : Optional.of(touched);
        }
        long index = id - firstId(kind);
        return index >= 0 && index < count(kind) ? Optional.of(generated(kind, (int) index)) : Optional.empty();
    }

    public Optional<SandboxIssue> findByKey(SandboxIssues.Kind kind, String key) {
        return Stream.concat(changed.values().stream().filter(i -> i.kind() == kind && i.key().equals(key) && !i.deleted()),
                updatedSince(kind, null, c -> true).filter(i -> i.key().equals(key))).findFirst();
    }

    /** Creates an issue in a project or repository; the store assigns id, number and key. */
    public synchronized SandboxIssue create(SandboxIssues.Kind kind, String container, String title, SandboxPerson assignee) {
        int extra = created.merge(kind, 1, Integer::sum);
        long id = firstId(kind) + count(kind) + extra - 1;
        int number = 100_000 + extra;
        String key = kind == SandboxIssues.Kind.JIRA ? container + "-" + number : container + "#" + number;
        Instant now = nextTimestamp();
        SandboxIssue issue = new SandboxIssue(kind, id, container, number, key, title, null,
                kind == SandboxIssues.Kind.JIRA ? "To Do" : "open", "new", assignee, generator.people().get(0), List.of(),
                kind == SandboxIssues.Kind.JIRA ? "Medium" : null, kind == SandboxIssues.Kind.JIRA ? "Task" : null, false, now, now,
                false, 1);
        changed.put(storeKey(kind, id), issue);
        publish(new Change("created", null, issue));
        return issue;
    }

    /** Applies a change to a live issue and stamps a newer update time and version. */
    public synchronized Optional<SandboxIssue> update(SandboxIssues.Kind kind, long id, java.util.function.UnaryOperator<SandboxIssue> edit) {
        return find(kind, id).map(before -> {
            SandboxIssue edited = edit.apply(before);
            SandboxIssue after = new SandboxIssue(kind, before.id(), before.container(), before.number(), before.key(), edited.title(),
                    edited.description(), edited.status(), edited.statusCategory(), edited.assignee(), before.reporter(), edited.labels(),
                    edited.priority(), edited.issueType(), before.pullRequest(), before.created(), nextTimestamp(), false,
                    before.version() + 1);
            changed.put(storeKey(kind, id), after);
            publish(new Change("updated", before, after));
            return after;
        });
    }

    public synchronized Optional<SandboxIssue> delete(SandboxIssues.Kind kind, long id) {
        return find(kind, id).map(before -> {
            SandboxIssue gone = new SandboxIssue(kind, before.id(), before.container(), before.number(), before.key(), before.title(),
                    before.description(), before.status(), before.statusCategory(), before.assignee(), before.reporter(),
                    before.labels(), before.priority(), before.issueType(), before.pullRequest(), before.created(), nextTimestamp(),
                    true, before.version() + 1);
            changed.put(storeKey(kind, id), gone);
            publish(new Change("deleted", before, gone));
            return gone;
        });
    }

    private void publish(Change change) {
        listeners.forEach(listener -> listener.accept(change));
    }

    /** Strictly increasing update times, even for changes within one millisecond. */
    private Instant nextTimestamp() {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        lastUpdate = now.isAfter(lastUpdate) ? now : lastUpdate.plusMillis(1);
        return lastUpdate;
    }

    private SandboxIssue generated(SandboxIssues.Kind kind, int index) {
        return kind == SandboxIssues.Kind.JIRA ? generator.jira(index, settings.atlassian().projects())
                : generator.github(index, settings.github().repos());
    }

    private int count(SandboxIssues.Kind kind) {
        return kind == SandboxIssues.Kind.JIRA ? settings.atlassian().issueCount() : settings.github().issueCount();
    }

    private static long firstId(SandboxIssues.Kind kind) {
        return kind == SandboxIssues.Kind.JIRA ? 10_000L : 2_000_000_000L;
    }

    private static String storeKey(SandboxIssues.Kind kind, long id) {
        return kind + ":" + id;
    }

    /** Everything changed so far, for tests that reset between cases. */
    public synchronized void reset() {
        changed.clear();
        created.clear();
    }

    List<SandboxIssue> changedIssues() {
        return new ArrayList<>(changed.values());
    }
}
