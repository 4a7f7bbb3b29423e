package org.integrationhub.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.integrationhub.benchmarks.load.BareEndpoint;
import org.integrationhub.benchmarks.load.GatlingStats;
import org.integrationhub.benchmarks.load.IngestSimulation;
import org.integrationhub.benchmarks.report.Report;
import org.integrationhub.benchmarks.stack.Hub;

/**
 * Ingest: signed Jira webhooks → verified, published with acks=all → 200, at rising open-model
 * rates, against webhook-ingest and against a bare WebFlux endpoint in its own JVM with the same
 * flags. The figure is the highest rate whose p99 stays under 50 ms with no error and every request
 * completed (the knee lies between it and the next level).
 */
final class IngestScenario {

    static final double P99_LIMIT_MS = 50;

    private IngestScenario() {
    }

    static void run(Bench bench) throws IOException, InterruptedException {
        BenchSettings settings = bench.settings();
        int port = freePort();
        Process bare = startBare(port, settings.serviceJvmOptions(), settings.out().resolve("bare-endpoint.log"));
        Map<String, GatlingStats.Level> levels;
        var sampler = bench.sample("ingest load (webhook-ingest levels, then the bare endpoint)");
        try {
            awaitBare(port);
            Path results = settings.out().resolve("gatling");
            System.setProperty("bench.ingest.targets", "ours=" + Hub.WEBHOOKS + ";bare=http://localhost:" + port);
            System.setProperty("bench.ingest.rates", join(settings.ingestRates()));
            System.setProperty("bench.ingest.seconds", String.valueOf(settings.ingestSeconds()));
            System.setProperty("bench.ingest.warmup", String.valueOf(settings.ingestWarmup()));
            System.setProperty("bench.ingest.secret", bench.webhookSecret());
            System.setProperty("bench.ingest.connection", bench.webhookConnection().toString());
            GatlingStats.reset();
            int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"--simulation", IngestSimulation.class.getName(),
                    "--results-folder", results.toString(), "--run-description", "ingest"});
            if (status != 0) {
                bench.report().note("Gatling ended with status " + status + " (assertion or argument failure).");
            }
            levels = GatlingStats.levels();
        } finally {
            bench.finish(sampler, "ingest");
            bare.destroy();
            bare.waitFor(10, TimeUnit.SECONDS);
        }
        report(bench, levels);
    }

    private static void report(Bench bench, Map<String, GatlingStats.Level> levels) {
        BenchSettings settings = bench.settings();
        List<List<String>> rows = new ArrayList<>();
        double ours = 0;
        double bare = 0;
        int oursKnee = -1;
        int bareKnee = -1;
        for (int rate : settings.ingestRates()) {
            GatlingStats.Level o = levels.get("ours@" + rate);
            GatlingStats.Level b = levels.get("bare@" + rate);
            if (healthy(o, rate, settings.ingestSeconds()) && oursKnee < 0) {
                ours = o.ok() / (double) settings.ingestSeconds();
            } else if (oursKnee < 0) {
                oursKnee = rate;
            }
            if (healthy(b, rate, settings.ingestSeconds()) && bareKnee < 0) {
                bare = b.ok() / (double) settings.ingestSeconds();
            } else if (bareKnee < 0) {
                bareKnee = rate;
            }
            rows.add(List.of(String.valueOf(rate), cells(o, settings.ingestSeconds()), cells(b, settings.ingestSeconds())));
        }
        bench.report().table(new Report.Table("Ingest: how latency grows with the arrival rate",
                List.of("offered req/s", "webhook-ingest: done/s · errors · p50 · p95 · p99 ms", "bare WebFlux: done/s · errors · p50 · p95 · p99 ms"),
                rows, "Each level runs " + settings.ingestSeconds() + " s after a 3 s pause; each target first gets a " + settings.ingestWarmup()
                        + " s ramp to the lowest rate (Gatling, open model, `constantUsersPerSec`, shared keep-alive connections; Gatling's response times in an HdrHistogram; errors are non-200 answers and requests without an answer, whose time is not in the percentiles)."));
        int lowest = settings.ingestRates()[0];
        String knee = (oursKnee < 0 ? "no knee up to " + settings.ingestRates()[settings.ingestRates().length - 1] + " req/s"
                : oursKnee == lowest ? "already past the knee at the lowest level, " + lowest + " req/s"
                : "knee between " + Report.fmt(ours) + " and " + oursKnee + " req/s")
                + "; the bare endpoint " + (bareKnee < 0 ? "held every level, so its true ceiling is higher and the ratio is an upper bound"
                : "broke at " + bareKnee + " req/s");
        Double ratio = bare > 0 ? ours / bare : null;
        bench.report().scenario(new Report.Scenario("ingest", "req/s at p99 < 50 ms, no errors", ours, "req/s", bare,
                "bare WebFlux endpoint, same JVM options", ratio, "≥ 50% of ceiling", ratio == null ? Boolean.FALSE : ratio >= 0.5,
                knee + ". Signed Jira deliveries (`comment_created`, 1.5 KB, X-Hub-Signature), published with acks=all before the 200; "
                        + "sync-worker skips comment events, so this measures ingest alone."));
        bench.report().raw("ingest.gatling", levels);
    }

    /** Every request answered 200, at least 97% of the offered number completed, and p99 under the limit. */
    private static boolean healthy(GatlingStats.Level level, int rate, int seconds) {
        return level != null && level.ko() == 0 && level.ok() >= 0.97 * rate * seconds && level.p99() < P99_LIMIT_MS;
    }

    private static String cells(GatlingStats.Level level, int seconds) {
        if (level == null) {
            return "not run";
        }
        return String.format(java.util.Locale.ROOT, "%.0f · %d · %.0f · %.0f · %.0f", level.ok() / (double) seconds, level.ko(), level.p50(),
                level.p95(), level.p99());
    }

    /** The ceiling's JVM gets the options the devstack gives each service ({@code HUB_DEVSTACK_JVM_OPTIONS}), so only the work differs. */
    private static Process startBare(int port, List<String> jvmOptions, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BareEndpoint.class.getName(), String.valueOf(port)));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitBare(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (var socket = new java.net.Socket("localhost", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the bare endpoint did not listen on " + port + " within 30 s");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String join(int[] values) {
        return String.join(",", java.util.Arrays.stream(values).mapToObj(String::valueOf).toList());
    }
}
