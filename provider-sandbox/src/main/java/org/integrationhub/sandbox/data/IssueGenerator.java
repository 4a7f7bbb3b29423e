package org.integrationhub.sandbox.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic issues: issue {@code i} of a provider is computed from the seed and
 * {@code i} alone, so 100,000 issues cost no memory until one is changed. Issue {@code i} was last
 * updated at {@code BASE + i minutes}, so "updated since" maps to an index without a scan.
 */
public final class IssueGenerator {

    public static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    public static final Duration STEP = Duration.ofMinutes(1);

    private static final String[] VERBS = {"Fix", "Add", "Remove", "Investigate", "Document", "Refactor", "Speed up", "Translate"};
    private static final String[] THINGS = {"the login page", "CSV export", "webhook retries", "the billing report",
            "search paging", "Grüße in e-mails", "日本語 labels", "the 🚀 release notes", "dark mode", "SSO with Okta"};
    private static final String[] FIRST = {"Mia", "Noah", "Zoë", "Łukasz", "Aiko", "Omar", "Ingrid", "José", "Priya", "Chen"};
    private static final String[] LAST = {"Krystof", "Okafor", "Søren", "Nakamura", "Haddad", "Lindqvist", "García", "Iyer"};
    private static final String[][] JIRA_STATUSES = {{"To Do", "new"}, {"In Progress", "indeterminate"}, {"In Review", "indeterminate"},
            {"Done", "done"}};
    private static final String[] LABELS = {"frontend", "backend", "customer", "tech-debt", "security"};
    private static final String[] PRIORITIES = {"Highest", "High", "Medium", "Low"};

    private final long seed;
    private final List<SandboxPerson> people;

    public IssueGenerator(long seed) {
        this.seed = seed;
        this.people = generatePeople(seed);
    }

    public List<SandboxPerson> people() {
        return people;
    }

    public static Instant updatedAt(long index) {
        return BASE.plus(STEP.multipliedBy(index));
    }

    public SandboxIssue jira(int index, List<String> projects) {
        SplittableRandom random = new SplittableRandom(seed * 31 + index);
        String project = projects.get(index % projects.size());
        int number = index / projects.size() + 1;
        String[] status = JIRA_STATUSES[random.nextInt(JIRA_STATUSES.length)];
        Instant updated = updatedAt(index);
        return new SandboxIssue(SandboxIssues.Kind.JIRA, 10_000L + index, project, number, project + "-" + number, title(random),
                description(index, random), status[0], status[1], assignee(random), people.get(random.nextInt(people.size())),
                labels(random), PRIORITIES[random.nextInt(PRIORITIES.length)], random.nextInt(5) == 0 ? "Bug" : "Task", false,
                updated.minus(Duration.ofHours(random.nextInt(24 * 30))), updated, false, 1);
    }

    public SandboxIssue github(int index, List<String> repos) {
        SplittableRandom random = new SplittableRandom(seed * 37 + index + 1_000_003L);
        String repo = repos.get(index % repos.size());
        int number = index / repos.size() + 1;
        boolean closed = random.nextInt(4) == 0;
        Instant updated = updatedAt(index);
        return new SandboxIssue(SandboxIssues.Kind.GITHUB, 2_000_000_000L + index, repo, number, repo + "#" + number, title(random),
                description(index, random), closed ? "closed" : "open", closed ? "done" : "new", assignee(random),
                people.get(random.nextInt(people.size())), labels(random), null, null, random.nextInt(5) == 0,
                updated.minus(Duration.ofHours(random.nextInt(24 * 30))), updated, false, 1);
    }

    private SandboxPerson assignee(SplittableRandom random) {
        return random.nextInt(100) < 15 ? null : people.get(random.nextInt(people.size()));
    }

    private static String title(SplittableRandom random) {
        return VERBS[random.nextInt(VERBS.length)] + " " + THINGS[random.nextInt(THINGS.length)];
    }

    /** Mostly a sentence; every 97th issue carries a description of about 200 KB. */
    private static String description(int index, SplittableRandom random) {
        String sentence = "Steps to reproduce: open the page, wait, observe. Erwartet: es klappt. 期待: 動作する。 ";
        if (index % 97 == 96) {
            return sentence.repeat(2_500);
        }
        return random.nextInt(10) == 0 ? null : sentence;
    }

    private static List<String> labels(SplittableRandom random) {
        List<String> labels = new ArrayList<>();
        for (String label : LABELS) {
            if (random.nextInt(4) == 0) {
                labels.add(label);
            }
        }
        return labels;
    }

    private static List<SandboxPerson> generatePeople(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SandboxPerson> people = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i / FIRST.length + i) % LAST.length];
            String login = (first + last).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + i;
            String email = random.nextInt(5) == 0 ? null : login + "@acme.example";
            String accountId = String.format("5b10ac8d82e05b22cc7d%04x", i);
            people.add(new SandboxPerson(accountId, first + " " + last, email, login, 1_000_000L + i, String.format("U%08X", i + 1)));
        }
        return List.copyOf(people);
    }
}
