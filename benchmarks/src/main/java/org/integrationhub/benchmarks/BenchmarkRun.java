package org.integrationhub.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.integrationhub.benchmarks.load.JiraDeliveries;
import org.integrationhub.benchmarks.report.Report;
import org.integrationhub.benchmarks.stack.Hub;
import org.integrationhub.benchmarks.stack.ResourceSampler;
import org.integrationhub.benchmarks.stack.RunningDevstack;

/**
 * {@code ./benchmarks.sh [--quick]}: the micro-benchmarks, then the devstack (embedded Kafka and
 * Postgres, the provider sandbox, every service) and each scenario against its ceiling measured in
 * the same run; writes {@code target/benchmarks/report.md} and {@code report.json}. A scenario that
 * fails is reported as failed and the run goes on.
 */
public final class BenchmarkRun {

    /** Where each stage's first bottleneck is expected to sit, and what would move it (ADR 0020); the measured CPU split decides. */
    private static final Map<String, String> MOVES = Map.of(
            "ingest", "ingest: at low rates webhook-ingest's young-GC pauses (15-80 ms in JFR, seven JVMs on two cores) set "
                    + "the p99; at high rates CPU per delivery: Reactor's automatic context propagation at each of the publish's two thread hops "
                    + "(to the kafka-send thread and back to the parallel scheduler: request id and observation captured and restored, about a "
                    + "fifth of webhook-ingest's allocation), the JSON read, the HMAC, the envelope's serialisation and the synchronous log line. "
                    + "What would move it: fewer hops per delivery, less allocation per delivery (fewer and shorter pauses), then cores of its own.",
            "apply", "apply: set-based per batch since ADR 0022 (one statement each for keys, locked reads, assignees, new tasks, changed "
                    + "tasks, outcomes, run judgements, outbox), on 3 consumer threads over 3 partitions; what is left is Postgres's own work "
                    + "and the Kafka poll/commit per batch, on the same two cores as everything else. What would move it: more partitions and "
                    + "consumers, COPY-based inserts, then Postgres on cores of its own.",
            "sync", "sync-now: the fetch pages one after another (each page: the sandbox's answer, the run's ledger, the publish and the "
                    + "cursor) while apply follows on the observations topic. What would move it: fetching the next page while publishing this one.",
            "end to end", "end to end: ingest's answer, then normalise (a batch listener waiting once per poll, ADR 0022) and apply, each "
                    + "with its consumer's poll and commit. What would move it: at low rates the poll and batch waits; at high rates apply and "
                    + "ingest's CPU per delivery.",
            "replay", "replay: one claim statement per batch of 500 (ADR 0022) after decoding each record; the consumer, the decode and "
                    + "that statement share the cores. What would move it: larger batches, decoding in parallel.");

    private BenchmarkRun() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path root = Path.of(System.getProperty("hub.root", ".")).toAbsolutePath().normalize();
        BenchSettings settings = BenchSettings.of(quick, root);
        Files.createDirectories(settings.out());
        Report report = new Report();
        Instant began = Instant.now();
        report.run().put("mode", quick ? "--quick (every scenario scaled down)" : "full");
        report.run().put("started", began.toString());
        describeMachine(report, settings);
        report.versions().putAll(versions(root));

        runStep(report, "micro-benchmarks", () -> MicroScenario.run(settings, report));

        Map<String, String> environment = Map.of("SANDBOX_ATLASSIAN_ISSUECOUNT", String.valueOf(settings.syncIssues()),
                "HUB_AUTH_OPERATORS_0", Hub.OPERATOR, "HUB_DEVSTACK_JVM_OPTIONS", String.join(" ", settings.serviceJvmOptions()));
        System.out.println("Starting the devstack (log: " + settings.out().resolve("devstack.log") + ") ...");
        long devstackStart = System.nanoTime();
        try (RunningDevstack devstack = RunningDevstack.start(root, environment, settings.out().resolve("devstack.log"), Duration.ofMinutes(5))) {
            Runtime.getRuntime().addShutdownHook(new Thread(devstack::close, "stop-devstack"));
            report.run().put("devstack start-up", String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - devstackStart) / 1e9));
            report.versions().put("Postgres (embedded)", postgresVersion(devstack));
            Hub hub = new Hub();
            hub.signIn();
            String secret = "bench-webhook-secret-" + UUID.randomUUID();
            UUID connection = hub.connectJira(secret, null);
            awaitWebhookIngestKnows(connection, secret);
            Bench bench = new Bench(settings, report, devstack, hub, connection, secret, Instant.now());
            runStep(report, "ingest", () -> IngestScenario.run(bench));
            runStep(report, "apply", () -> ApplyScenario.run(bench));
            runStep(report, "sync", () -> SyncScenario.run(bench));
            runStep(report, "end to end", () -> EndToEndScenario.run(bench));
            runStep(report, "replay", () -> ReplayScenario.run(bench));
        } finally {
            report.run().put("finished", Instant.now().toString());
            report.run().put("duration", duration(settings, Duration.between(began, Instant.now())));
            report.machine().put("load average at the end (1, 5, 15 min)", loadAverage());
            report.write(settings.out());
        }
        System.out.println();
        report.scenarios().forEach(s -> System.out.println(Report.line(s)));
        System.out.println("\nDuration: " + report.run().get("duration"));
        System.out.println("\nReport: " + settings.out().resolve("report.md") + " and report.json");
        // Gatling's engine and the Kafka clients may leave non-daemon threads; a missed target is a result, not a failure
        System.exit(0);
    }

    /** The run's total time, start-up and shutdown included, flagged when it is over the issue's limit for this kind of run. */
    static String duration(BenchSettings settings, Duration took) {
        String text = String.format(Locale.ROOT, "%.1f min (%d s)", took.toSeconds() / 60.0, took.toSeconds());
        String partial = System.getProperty("bench.only") == null ? "" : " (a partial run, -Dbench.only)";
        if (took.compareTo(settings.limit()) > 0) {
            return text + " — **OVER the " + settings.limit().toMinutes() + "-minute limit** for a " + (settings.quick() ? "--quick" : "full")
                    + " run" + partial;
        }
        return text + ", within the " + settings.limit().toMinutes() + "-minute limit for a " + (settings.quick() ? "--quick" : "full")
                + " run" + partial;
    }

    interface Step {
        void run() throws Exception;
    }

    private static void runStep(Report report, String name, Step step) {
        String only = System.getProperty("bench.only");
        if (only != null && !List.of(only.split(",")).contains(name)) {
            report.note("Not run in this run (-Dbench.only=" + only + "): " + name + ".");
            return;
        }
        long started = System.nanoTime();
        System.out.println("\n=== " + name + " ===");
        try {
            step.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            report.scenario(new Report.Scenario(name, "FAILED to run", Double.NaN, "", null, null, null, "—", Boolean.FALSE,
                    "The scenario failed: " + e));
        }
        report.run().put("time: " + name, String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - started) / 1e9));
    }

    static String busiest(ResourceSampler.Phase phase) {
        List<ResourceSampler.Usage> top = phase.usage().stream().sorted(Comparator.comparingDouble(ResourceSampler.Usage::cpuSeconds).reversed())
                .limit(3).toList();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "machine %.0f%% busy; busiest: ", phase.machineBusy() * 100));
        for (int i = 0; i < top.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(top.get(i).process()).append(String.format(Locale.ROOT, " %.2f cores",
                    top.get(i).cpuSeconds() / Math.max(phase.seconds(), 0.001)));
        }
        return text.toString();
    }

    static String moves(String stage) {
        return MOVES.get(stage);
    }

    private static void awaitWebhookIngestKnows(UUID connection, String secret) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            String body = JiraDeliveries.commentCreated(1, Instant.now());
            var request = HttpRequest.newBuilder(URI.create(Hub.WEBHOOKS + "/webhooks/jira/" + connection))
                    .header("Content-Type", "application/json").header(JiraDeliveries.SIGNATURE_HEADER, JiraDeliveries.signature(secret, body))
                    .header(JiraDeliveries.DELIVERY_HEADER, "bench-probe-" + UUID.randomUUID()).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("webhook-ingest did not accept the new connection's deliveries within 60 s (last status " + status + ")");
    }

    private static void describeMachine(Report report, BenchSettings settings) {
        report.machine().put("cores (available to the JVM)", String.valueOf(Runtime.getRuntime().availableProcessors()));
        report.machine().put("CPU", cpuModel());
        report.machine().put("memory", meminfo());
        report.machine().put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        report.machine().put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        report.machine().put("service JVM options (devstack's HUB_DEVSTACK_JVM_OPTIONS, and the bare endpoint's)",
                "`" + String.join(" ", settings.serviceJvmOptions()) + "`");
        report.machine().put("load average at the start (1, 5, 15 min)", loadAverage());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String meminfo() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.1f GB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Map<String, String> versions(Path root) throws IOException {
        Map<String, String> versions = new java.util.LinkedHashMap<>();
        Properties tools = new Properties();
        try (InputStream in = BenchmarkRun.class.getResourceAsStream("/benchmarks-versions.properties")) {
            tools.load(in);
        }
        versions.put("integration hub", tools.getProperty("hub") + " (" + gitHead(root) + ")");
        String pom = Files.readString(root.resolve("pom.xml"));
        Matcher boot = Pattern.compile("spring-boot-starter-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        versions.put("Spring Boot", boot.find() ? boot.group(1) : "unknown");
        versions.put("Kafka clients (and the embedded broker)", org.apache.kafka.common.utils.AppInfoParser.getVersion());
        versions.put("Gatling", tools.getProperty("gatling"));
        versions.put("JMH", tools.getProperty("jmh"));
        versions.put("HdrHistogram", tools.getProperty("hdrhistogram"));
        return versions;
    }

    private static String gitHead(Path root) {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String head = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? "commit " + head : "no git";
        } catch (IOException | InterruptedException e) {
            return "no git";
        }
    }

    private static String postgresVersion(RunningDevstack devstack) {
        try (var db = java.sql.DriverManager.getConnection(devstack.jdbcUrl(), "hub", "hub"); var rows = db.createStatement()
                .executeQuery("show server_version")) {
            rows.next();
            return rows.getString(1);
        } catch (java.sql.SQLException e) {
            return "unknown";
        }
    }
}
