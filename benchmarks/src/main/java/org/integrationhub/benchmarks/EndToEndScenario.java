package org.integrationhub.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.integrationhub.benchmarks.load.JiraDeliveries;
import org.integrationhub.benchmarks.report.Report;
import org.integrationhub.benchmarks.stack.Hub;

/**
 * End to end: a signed {@code jira:issue_created} webhook in → verified, published, normalised,
 * applied → the task row committed. An open-loop sender fires each delivery at its scheduled time
 * (so a slow hub cannot delay the next one), and a watcher reads which of the expected tasks are
 * committed every 10 ms. Latency is the moment the row is seen minus the delivery's scheduled send
 * time, in an HdrHistogram (microseconds); it is an upper bound by at most the 10 ms watch interval.
 */
final class EndToEndScenario {

    private static final Duration WATCH = Duration.ofMillis(10);
    /** The sender stops once this many seconds of deliveries are sent but not yet tasks: the hub cannot keep up. */
    private static final int BACKLOG_SECONDS = 5;

    private EndToEndScenario() {
    }

    /** One level; {@code seconds} is how long it sent, shorter than planned when the hub fell behind. */
    record Result(int rate, double seconds, int planned, long sent, long non200, long committed, Histogram latency, Histogram http,
            Map<String, Long> failures) {
    }

    static void run(Bench bench) throws Exception {
        BenchSettings settings = bench.settings();
        List<List<String>> rows = new ArrayList<>();
        long nextId = 5_000_000;
        for (int rate : settings.e2eRates()) {
            Result level = measure(bench, rate, settings.e2eLevelSeconds(), nextId);
            nextId += (long) rate * settings.e2eLevelSeconds() + 1000;
            rows.add(row(level));
        }
        var sampler = bench.sample("end to end at " + settings.e2eRate() + " webhooks/s for " + settings.e2eSeconds() + " s");
        Result main;
        try {
            main = measure(bench, settings.e2eRate(), settings.e2eSeconds(), nextId);
        } finally {
            bench.finish(sampler, "end to end");
        }
        rows.add(row(main));
        bench.report().table(new Report.Table("End to end: how latency grows with the webhook rate", List.of("webhooks/s", "seconds", "sent",
                "non-200", "committed", "e2e p50 ms", "e2e p99 ms", "e2e max ms", "HTTP p99 ms"), rows,
                "The last row is the main run. Latency from the scheduled send time to the committed task row seen by the watcher."));
        double p99 = main.latency().getValueAtPercentile(99) / 1000.0;
        boolean complete = main.committed() == main.sent() && main.non200() == 0;
        bench.report().scenario(new Report.Scenario("end to end", String.format(Locale.ROOT, "p99 at %,d/s for %.0f s%s", main.rate(), main.seconds(),
                        main.seconds() < main.planned() ? " of " + main.planned() + " planned" : ""),
                p99, "ms", null, null, null, "p99 < 500 ms", complete && p99 < 500,
                String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms, max %.0f ms; %,d sent, %,d non-200 %s, %,d committed%s.",
                        main.latency().getValueAtPercentile(50) / 1000.0, p99, main.latency().getMaxValue() / 1000.0, main.sent(), main.non200(),
                        main.failures(), main.committed(), complete ? "" : " — NOT every delivery became a task: the target counts as missed")
                        + (main.seconds() < main.planned() ? String.format(Locale.ROOT, " The sender stopped after %.1f s of the planned %d s: "
                        + "more than %d s of deliveries were waiting to become tasks, so the hub could not sustain this rate.", main.seconds(),
                        main.planned(), BACKLOG_SECONDS) : "")
                        + (settings.e2eSeconds() < 600 ? " Planned shorter than 10 minutes: " + settings.e2eSeconds() + " s." : "")));
    }

    private static List<String> row(Result r) {
        return List.of(String.valueOf(r.rate()), r.seconds() < r.planned() ? String.format(Locale.ROOT, "%.1f of %d (stopped)", r.seconds(),
                r.planned()) : String.valueOf(r.planned()), String.valueOf(r.sent()), String.valueOf(r.non200()),
                String.valueOf(r.committed()), ms(r.latency(), 50), ms(r.latency(), 99), String.format(Locale.ROOT, "%.0f",
                        r.latency().getMaxValue() / 1000.0), ms(r.http(), 99));
    }

    private static String ms(Histogram histogram, double percentile) {
        return String.format(Locale.ROOT, "%.0f", histogram.getValueAtPercentile(percentile) / 1000.0);
    }

    static Result measure(Bench bench, int rate, int seconds, long firstId) throws Exception {
        Duration stragglers = bench.settings().e2eWait();
        // the previous level's backlog first (bounded: a hub that cannot drain it shows in this level's figures, and a note says so)
        Pipeline.awaitDrained(bench, stragglers.multipliedBy(2));
        Histogram latency = new Histogram(Duration.ofMinutes(10).toNanos() / 1000, 3);
        Histogram http = new Histogram(Duration.ofMinutes(10).toNanos() / 1000, 3);
        Map<String, Long> pending = new ConcurrentHashMap<>();
        AtomicLong non200 = new AtomicLong();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        AtomicLong committed = new AtomicLong();
        var executor = Executors.newFixedThreadPool(4);
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor).build();
        String url = Hub.WEBHOOKS + "/webhooks/jira/" + bench.webhookConnection();
        var watcher = new Thread(() -> watch(bench, pending, latency, committed), "e2e-watcher");
        watcher.setDaemon(true);
        watcher.start();
        long total = (long) rate * seconds;
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        // a count, not the futures: ten minutes at 1,000/s would keep 600,000 requests and answers reachable
        AtomicLong inFlight = new AtomicLong();
        long sent = 0;
        for (long i = 0; i < total; i++) {
            if (i % 500 == 0 && pending.size() > BACKLOG_SECONDS * rate) {
                bench.report().note(String.format(Locale.ROOT, "end to end at %d/s: stopped sending after %.0f s of %d: more than %d s of "
                        + "deliveries (%,d) were sent but not yet tasks, so the hub could not keep up with this rate.", rate,
                        i / (double) rate, seconds, BACKLOG_SECONDS, pending.size()));
                break;
            }
            sent++;
            long scheduled = start + i * interval;
            long id = firstId + i;
            String body = JiraDeliveries.issueCreated(id, Instant.now());
            String signature = JiraDeliveries.signature(bench.webhookSecret(), body);
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            pending.put(String.valueOf(id), scheduled);
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header(JiraDeliveries.SIGNATURE_HEADER, signature).header(JiraDeliveries.DELIVERY_HEADER, "e2e-" + id)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            inFlight.incrementAndGet();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                inFlight.decrementAndGet();
                synchronized (http) {
                    http.recordValue(Math.max(0, (System.nanoTime() - scheduled) / 1000));
                }
                if (failure != null || response.statusCode() != 200) {
                    non200.incrementAndGet();
                    failures.merge(failure != null ? failure.getClass().getSimpleName() : "HTTP " + response.statusCode(), 1L, Long::sum);
                    pending.remove(String.valueOf(id));
                }
            });
        }
        // every request has an answer or a failure (counted as non-200 above) within its 30 s timeout
        long answered = System.nanoTime() + Duration.ofSeconds(35).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < answered) {
            Thread.sleep(10);
        }
        long deadline = System.nanoTime() + stragglers.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        watcher.interrupt();
        watcher.join(5000);
        executor.shutdown();
        long givenUp = System.nanoTime();
        for (long scheduled : pending.values()) {
            // never seen committed: counted at the age they had when the wait ended, a lower bound of their latency
            latency.recordValue(Math.min(latency.getHighestTrackableValue(), (givenUp - scheduled) / 1000));
        }
        if (!pending.isEmpty()) {
            bench.report().note(String.format(Locale.ROOT, "end to end at %d/s: %,d accepted deliveries had no task row %d s after the last send; they count in the percentiles at the age they had then (a lower bound).",
                    rate, pending.size(), stragglers.toSeconds()));
        }
        System.out.printf(Locale.ROOT, "e2e %d/s × %d s: sent %,d, non-200 %,d, committed %,d, p50 %.0f ms, p99 %.0f ms%n", rate, seconds, sent,
                non200.get(), committed.get(), latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0);
        return new Result(rate, sent / (double) rate, seconds, sent, non200.get(), committed.get(), latency, http, Map.copyOf(failures));
    }

    /** Every 10 ms: which pending tasks are committed now; records their latency and forgets them. */
    private static void watch(Bench bench, Map<String, Long> pending, Histogram latency, AtomicLong committed) {
        try (Connection db = bench.jdbc(); var query = db.prepareStatement(
                "select external_id from sync.external_tasks where organisation_id = ? and external_system = 'jira' and external_id = any(?)")) {
            query.setObject(1, bench.hub().organisation());
            while (!Thread.currentThread().isInterrupted()) {
                if (!pending.isEmpty()) {
                    query.setArray(2, db.createArrayOf("text", pending.keySet().toArray()));
                    try (var rows = query.executeQuery()) {
                        long seen = System.nanoTime();
                        while (rows.next()) {
                            Long scheduled = pending.remove(rows.getString(1));
                            if (scheduled != null) {
                                synchronized (latency) {
                                    latency.recordValue(Math.max(0, (seen - scheduled) / 1000));
                                }
                                committed.incrementAndGet();
                            }
                        }
                    }
                }
                LockSupport.parkNanos(WATCH.toNanos());
            }
        } catch (java.sql.SQLException e) {
            if (!Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("the end-to-end watcher failed: " + e.getMessage(), e);
            }
        }
    }
}
