package org.integrationhub.sandbox.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.integrationhub.sandbox.SandboxSettings;
import org.integrationhub.sandbox.data.IssueGenerator;
import org.integrationhub.sandbox.data.IssueStore;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.integrationhub.sandbox.data.SandboxIssues;
import org.springframework.stereotype.Component;

/**
 * Pages of a repository's issues (pull requests included) without materialising 100,000 of them.
 * The generated issues never change, so their filter attributes (repository, open or closed,
 * created, updated) are computed once into arrays; issues the store has changed, created or
 * deleted since are tracked through {@link IssueStore#onChange} and always read live from the store
 * (which stays right after a silent {@link IssueStore#reset()}). A page walks both sequences,
 * merged by the sort key, counting every match (for {@code rel="last"}) and fetching only the
 * issues of the page from the store.
 */
@Component
class GitHubIssueIndex {

    enum State {
        OPEN, CLOSED, ALL
    }

    enum Sort {
        CREATED, UPDATED
    }

    record Query(String repo, State state, Instant since, Sort sort, boolean ascending, long offset, int limit) {
    }

    record Page(long total, List<SandboxIssue> issues) {
    }

    /** The generated issues' attributes, by generator index. */
    private record Pristine(long firstId, int[] repo, BitSet closed, int[] number, long[] created, int[] byCreated) {
    }

    private static final long BASE_MILLIS = IssueGenerator.BASE.toEpochMilli();
    private static final long STEP_MILLIS = IssueGenerator.STEP.toMillis();

    private final IssueStore store;
    private final SandboxSettings settings;
    private final List<String> repos;
    private final int count;
    private final Map<Long, SandboxIssue> touched = new ConcurrentHashMap<>();
    private volatile Pristine pristine;

    GitHubIssueIndex(IssueStore store, SandboxSettings settings) {
        this.store = store;
        this.settings = settings;
        this.repos = settings.github().repos();
        this.count = Math.max(0, settings.github().issueCount());
        store.onChange(change -> {
            SandboxIssue issue = change.after() != null ? change.after() : change.before();
            if (issue != null && issue.kind() == SandboxIssues.Kind.GITHUB) {
                touched.put(issue.id(), issue);
            }
        });
    }

    Page page(Query query) {
        Pristine generated = pristine();
        int repoIndex = repos.indexOf(query.repo());
        BitSet skip = new BitSet(count);
        List<SandboxIssue> live = new ArrayList<>();
        for (Long id : touched.keySet()) {
            long index = id - generated.firstId();
            if (index >= 0 && index < count) {
                skip.set((int) index);
            }
            store.find(SandboxIssues.Kind.GITHUB, id).filter(issue -> matches(issue, query)).ifPresent(live::add);
        }
        Comparator<SandboxIssue> order = Comparator.comparingLong((SandboxIssue issue) -> key(issue, query.sort()))
                .thenComparingLong(SandboxIssue::id);
        live.sort(query.ascending() ? order : order.reversed());

        long total = live.size();
        GeneratedCursor counter = new GeneratedCursor(generated, query, repoIndex, skip);
        while (counter.next() >= 0) {
            total++;
        }

        List<SandboxIssue> page = new ArrayList<>(query.limit());
        long end = query.offset() + query.limit();
        GeneratedCursor cursor = new GeneratedCursor(generated, query, repoIndex, skip);
        int g = cursor.next();
        int t = 0;
        for (long position = 0; position < end && (g >= 0 || t < live.size()); position++) {
            boolean takeGenerated;
            if (g < 0) {
                takeGenerated = false;
            } else if (t >= live.size()) {
                takeGenerated = true;
            } else {
                SandboxIssue other = live.get(t);
                int compare = Long.compare(generatedKey(generated, g, query.sort()), key(other, query.sort()));
                if (compare == 0) {
                    compare = Long.compare(generated.firstId() + g, other.id());
                }
                takeGenerated = query.ascending() ? compare < 0 : compare > 0;
            }
            if (takeGenerated) {
                if (position >= query.offset()) {
                    store.find(SandboxIssues.Kind.GITHUB, generated.firstId() + g).ifPresent(page::add);
                }
                g = cursor.next();
            } else {
                if (position >= query.offset()) {
                    page.add(live.get(t));
                }
                t++;
            }
        }
        return new Page(total, page);
    }

    /** The live issue with this number in this repository, if any. */
    Optional<SandboxIssue> find(String repo, int number) {
        for (Long id : touched.keySet()) {
            Optional<SandboxIssue> issue = store.find(SandboxIssues.Kind.GITHUB, id);
            if (issue.isPresent() && issue.get().container().equals(repo) && issue.get().number() == number) {
                return issue;
            }
        }
        Pristine generated = pristine();
        int repoIndex = repos.indexOf(repo);
        for (int i = 0; i < count; i++) {
            if (generated.repo()[i] == repoIndex && generated.number()[i] == number) {
                return touched.containsKey(generated.firstId() + i) ? Optional.empty()
                        : store.find(SandboxIssues.Kind.GITHUB, generated.firstId() + i);
            }
        }
        return Optional.empty();
    }

    /** Whether this number in this repository belonged to an issue that has been deleted (GitHub answers 410 Gone). */
    boolean deleted(String repo, int number) {
        return touched.values().stream().anyMatch(issue -> issue.deleted() && issue.container().equals(repo) && issue.number() == number
                && store.find(SandboxIssues.Kind.GITHUB, issue.id()).isEmpty());
    }

    private boolean matches(SandboxIssue issue, Query query) {
        return issue.container().equals(query.repo())
                && (query.state() == State.ALL || (query.state() == State.OPEN) == issue.open())
                && (query.since() == null || !issue.updated().isBefore(query.since()));
    }

    private static long key(SandboxIssue issue, Sort sort) {
        return (sort == Sort.CREATED ? issue.created() : issue.updated()).toEpochMilli();
    }

    private static long generatedKey(Pristine generated, int index, Sort sort) {
        return sort == Sort.CREATED ? generated.created()[index] : updatedMillis(index);
    }

    /** When generated issue {@code index} was last updated (see {@link IssueGenerator#updatedAt}), without an Instant per call. */
    private static long updatedMillis(int index) {
        return BASE_MILLIS + index * STEP_MILLIS;
    }

    /** Walks the untouched generated issues that match, in the query's order. */
    private final class GeneratedCursor {
        private final Pristine generated;
        private final Query query;
        private final int repoIndex;
        private final BitSet skip;
        private final long sinceMillis;
        private int position;

        GeneratedCursor(Pristine generated, Query query, int repoIndex, BitSet skip) {
            this.generated = generated;
            this.query = query;
            this.repoIndex = repoIndex;
            this.skip = skip;
            this.sinceMillis = query.since() == null ? Long.MIN_VALUE : query.since().toEpochMilli();
            this.position = query.ascending() ? 0 : count - 1;
        }

        /** The next matching generator index, or -1. */
        int next() {
            while (position >= 0 && position < count) {
                int p = position;
                position += query.ascending() ? 1 : -1;
                int index = query.sort() == Sort.CREATED ? generated.byCreated()[p] : p;
                if (query.sort() == Sort.UPDATED && updatedMillis(index) < sinceMillis) {
                    if (query.ascending()) {
                        continue;
                    }
                    position = -1;
                    return -1;
                }
                if (matches(index)) {
                    return index;
                }
            }
            return -1;
        }

        private boolean matches(int index) {
            if (generated.repo()[index] != repoIndex || skip.get(index)) {
                return false;
            }
            boolean closed = generated.closed().get(index);
            if (query.state() == State.OPEN && closed || query.state() == State.CLOSED && !closed) {
                return false;
            }
            return updatedMillis(index) >= sinceMillis;
        }
    }

    private Pristine pristine() {
        Pristine current = pristine;
        if (current == null) {
            synchronized (this) {
                current = pristine;
                if (current == null) {
                    current = build();
                    pristine = current;
                }
            }
        }
        return current;
    }

    private Pristine build() {
        IssueGenerator generator = new IssueGenerator(settings.seed());
        int[] repo = new int[count];
        BitSet closed = new BitSet(count);
        int[] number = new int[count];
        long[] created = new long[count];
        long firstId = count == 0 ? 0 : generator.github(0, repos).id();
        for (int i = 0; i < count; i++) {
            SandboxIssue issue = generator.github(i, repos);
            if (issue.updated().toEpochMilli() != updatedMillis(i) || issue.id() != firstId + i) {
                throw new IllegalStateException("The issue generator no longer numbers GitHub issues as this index expects");
            }
            repo[i] = repos.indexOf(issue.container());
            closed.set(i, !issue.open());
            number[i] = issue.number();
            created[i] = issue.created().toEpochMilli();
        }
        int[] byCreated = IntStream.range(0, count).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> created[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        return new Pristine(firstId, repo, closed, number, created, byCreated);
    }
}
