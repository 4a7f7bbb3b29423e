package org.integrationhub.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The sizes of one run. {@code --quick} scales every scenario down to fit in under five minutes
 * (about four on a quiet machine: 3 ingest levels after a 5 s warm-up, the end-to-end waits for
 * stragglers bounded at 15 s); the full run is sized for under thirty. Each size can be overridden
 * with a system property ({@code -Dbench.sync.issues=20000}).
 */
record BenchSettings(boolean quick, Path root, Path out, int[] ingestRates, int ingestSeconds, int ingestWarmup,
        int applyObservations, int syncIssues, int replayObservations, int[] e2eRates, int e2eLevelSeconds, int e2eRate, int e2eSeconds, Duration e2eWait,
        Duration jmhIteration, int jmhWarmups, int jmhIterations, List<String> serviceJvmOptions) {

    /**
     * The options of every service JVM and of the bare ceiling endpoint: a deployment's (the Dockerfile
     * runs the JVM's defaults, which on a machine with two cores and 2 GB or more are full tiered
     * compilation and G1) with the heap capped, since seven JVMs share the machine (ADR 0020).
     * {@code HUB_DEVSTACK_JVM_OPTIONS} in the environment, or {@code -Dbench.jvm-options}, replaces them.
     */
    static final String SERVICE_JVM_OPTIONS = "-Xmx512m -XX:+UseG1GC";

    /** How long each kind of run may take in all (issue 14); the report flags a run that took longer. */
    Duration limit() {
        return Duration.ofMinutes(quick ? 5 : 30);
    }

    static BenchSettings of(boolean quick, Path root) {
        return new BenchSettings(quick, root, root.resolve("target/benchmarks"),
                ints("bench.ingest.rates", quick ? "100,500,2000" : "100,250,500,1000,2000,4000"),
                Integer.getInteger("bench.ingest.seconds", quick ? 5 : 15),
                Integer.getInteger("bench.ingest.warmup", quick ? 5 : 30),
                Integer.getInteger("bench.apply.observations", quick ? 6_000 : 50_000),
                Integer.getInteger("bench.sync.issues", quick ? 5_000 : 100_000),
                Integer.getInteger("bench.replay.observations", quick ? 0 : 1_000_000),
                ints("bench.e2e.rates", quick ? "100,500" : "100,250,500,1000"),
                Integer.getInteger("bench.e2e.level-seconds", quick ? 5 : 20),
                Integer.getInteger("bench.e2e.rate", 1000),
                Integer.getInteger("bench.e2e.seconds", quick ? 10 : 600),
                Duration.ofSeconds(Integer.getInteger("bench.e2e.wait", quick ? 15 : 60)),
                Duration.ofMillis(quick ? 500 : 2000), quick ? 1 : 3, quick ? 2 : 5,
                List.of(System.getProperty("bench.jvm-options", System.getenv().getOrDefault("HUB_DEVSTACK_JVM_OPTIONS", SERVICE_JVM_OPTIONS)).trim().split("\\s+")));
    }

    private static int[] ints(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }
}
