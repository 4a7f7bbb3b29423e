package org.integrationhub.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.integrationhub.benchmarks.report.Report;
import org.integrationhub.benchmarks.stack.Hub;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sync-now of every sandbox Jira issue: from the sync-now call to the last task row committed
 * (fetch pages → observations on Kafka → apply), with when the run's fetch had seen every issue and
 * when the run reported {@code succeeded}. The ceiling pages through the same search with
 * the same page size and fields and discards the issues.
 */
final class SyncScenario {

    private static final String FIELDS = "summary,status,assignee,project,labels,created,updated";
    private static final int PAGE_SIZE = 100; // hub.sync.fetch.page-size
    /** How long, once every task row is in, the run may take to report {@code succeeded} before the scenario stops waiting. */
    private static final Duration SUCCESS_WAIT = Duration.ofSeconds(15);

    private SyncScenario() {
    }

    static void run(Bench bench) throws Exception {
        int issues = bench.settings().syncIssues();
        double paging = pageAlone(issues);
        // an organisation connects a site with an account once: the webhook connection (all projects) is synced
        UUID connection = bench.webhookConnection();
        long before = bench.count("select count(*) from sync.external_tasks where organisation_id = ?", bench.hub().organisation());
        var sampler = bench.sample("sync-now of " + issues + " sandbox Jira issues");
        long started = System.nanoTime();
        double fetched = Double.NaN;
        double rowsIn = Double.NaN;
        double succeeded = Double.NaN;
        long applied = 0;
        JsonNode run = null;
        // a run 15 times over the target is a clear miss: stop waiting there and report how far it got
        Duration budget = Duration.ofSeconds(Math.max(120, 300L * issues / 100_000));
        try {
            bench.hub().syncNow(connection);
            long deadline = System.nanoTime() + budget.toNanos();
            long successDeadline = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, successDeadline)) {
                Thread.sleep(200);
                double now = (System.nanoTime() - started) / 1e9;
                run = bench.hub().latestSyncRun(connection);
                if (run != null && "failed".equals(run.path("status").asString())) {
                    throw new IllegalStateException("the sync run failed: " + run.path("error").asString());
                }
                if (Double.isNaN(fetched) && run != null && run.path("itemsSeen").asLong() >= issues) {
                    fetched = now;
                }
                if (Double.isNaN(succeeded) && run != null && "succeeded".equals(run.path("status").asString())) {
                    succeeded = now;
                }
                if (applied < issues) {
                    applied = bench.count("select count(*) from sync.external_tasks where organisation_id = ?", bench.hub().organisation())
                            - before;
                    if (applied >= issues) {
                        rowsIn = (System.nanoTime() - started) / 1e9;
                        // the run succeeds only once every fetched observation is judged (ADR 0021), reported every second
                        successDeadline = System.nanoTime() + SUCCESS_WAIT.toNanos();
                    }
                }
                if (applied >= issues && !Double.isNaN(succeeded)) {
                    break;
                }
            }
        } finally {
            bench.finish(sampler, "sync");
        }
        boolean finished = applied >= issues;
        double seconds = finished ? rowsIn : (System.nanoTime() - started) / 1e9;
        double prorated = 20.0 * issues / 100_000;
        bench.report().scenario(new Report.Scenario("sync-now", String.format(Locale.ROOT, "%,d Jira issues → applied tasks", issues), seconds,
                "s", paging, "sandbox paging alone, fetch and discard", paging / seconds, "≤ 20 s" + (issues < 100_000 ? " (for 100,000)" : ""),
                finished && seconds <= prorated,
                (finished ? String.format(Locale.ROOT, "The last task row was committed after %.1f s. ", rowsIn)
                        : String.format(Locale.ROOT, "NOT finished: %,d of %,d tasks applied when the benchmark stopped waiting after "
                        + "%d s (%.0f tasks/s). ", applied, issues, budget.toSeconds(), applied / seconds))
                        + runProgress(issues, fetched, succeeded, run)
                        + "Ratio = ceiling time / our time. "
                        + (issues < 100_000 ? "Scaled down to " + String.format(Locale.ROOT, "%,d", issues)
                        + " issues; the target is prorated (" + Report.fmt(prorated) + " s)." : "")));
        if (!finished) {
            Pipeline.awaitDrained(bench, Duration.ofMinutes(bench.settings().quick() ? 2 : 3));
        }
    }

    /**
     * What the sync run itself reported, polled every 200 ms: when its fetch had seen every issue
     * ({@code itemsSeen}, reported about once a second) and when it turned {@code succeeded}, which
     * since ADR 0021 waits for every fetched observation to be applied or judged.
     */
    private static String runProgress(int issues, double fetched, double succeeded, JsonNode run) {
        String fetch = Double.isNaN(fetched)
                ? String.format(Locale.ROOT, "The run never reported all %,d issues seen (last itemsSeen %s). ", issues,
                        run == null ? "—" : String.valueOf(run.path("itemsSeen").asLong()))
                : String.format(Locale.ROOT, "The run's fetch had seen all %,d issues after %.1f s (itemsSeen, reported about every "
                        + "second); the rest is apply catching up. ", issues, fetched);
        String success = Double.isNaN(succeeded)
                ? String.format(Locale.ROOT, "The run had not reported `succeeded` %d s after the last row (status %s, itemsApplied %s). ",
                        SUCCESS_WAIT.toSeconds(), run == null ? "—" : run.path("status").asString(),
                        run == null ? "—" : String.valueOf(run.path("itemsApplied").asLong()))
                : String.format(Locale.ROOT, "The run reported `succeeded` after %.1f s (only once every fetched observation is "
                        + "applied or judged, ADR 0021; itemsApplied %d). ", succeeded, run.path("itemsApplied").asLong());
        return fetch + success;
    }

    /** Seconds to page through {@code issues} issues of the sandbox's search as sync-worker asks for them. */
    private static double pageAlone(int issues) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((Hub.JIRA_EMAIL + ":" + Hub.JIRA_TOKEN).getBytes(StandardCharsets.UTF_8));
        String jql = URLEncoder.encode("ORDER BY updated ASC, id ASC", StandardCharsets.UTF_8).replace("+", "%20");
        long started = System.nanoTime();
        long seen = 0;
        String next = null;
        do {
            String url = Hub.JIRA_SITE + "/rest/api/3/search/jql?jql=" + jql + "&maxResults=" + PAGE_SIZE + "&fields=" + FIELDS
                    + (next == null ? "" : "&nextPageToken=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Accept", "application/json")
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            seen += body.path("issues").size();
            JsonNode token = body.get("nextPageToken");
            next = token == null || token.isNull() || body.path("isLast").asBoolean(false) || body.path("issues").isEmpty() ? null
                    : token.asString();
        } while (next != null);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "sync ceiling: paged %,d issues in %.1f s%n", seen, seconds);
        if (seen != issues) {
            throw new IllegalStateException("the sandbox served " + seen + " issues, expected " + issues);
        }
        return seconds;
    }
}
