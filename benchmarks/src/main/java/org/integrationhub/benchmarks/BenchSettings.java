package org.integrationhub.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The sizes of one run. {@code --quick} scales every scenario down to fit in under five minutes;
 * the full run is sized for under thirty. Each size can be overridden with a system property
 * ({@code -Dbench.sync.issues=20000}).
 */
record BenchSettings(boolean quick, Path root, Path out, int[] ingestRates, int ingestSeconds, int ingestWarmup,
        int applyObservations, int syncIssues, int[] e2eRates, int e2eLevelSeconds, int e2eRate, int e2eSeconds,
        Duration jmhIteration, int jmhWarmups, int jmhIterations) {

    static BenchSettings of(boolean quick, Path root) {
        return new BenchSettings(quick, root, root.resolve("target/benchmarks"),
                ints("bench.ingest.rates", quick ? "100,250,500,1000,2000" : "100,250,500,1000,2000,4000"),
                Integer.getInteger("bench.ingest.seconds", quick ? 5 : 15),
                Integer.getInteger("bench.ingest.warmup", quick ? 10 : 30),
                Integer.getInteger("bench.apply.observations", quick ? 8_000 : 50_000),
                Integer.getInteger("bench.sync.issues", quick ? 5_000 : 100_000),
                ints("bench.e2e.rates", quick ? "100,250,500" : "100,250,500,1000"),
                Integer.getInteger("bench.e2e.level-seconds", quick ? 5 : 20),
                Integer.getInteger("bench.e2e.rate", 1000),
                Integer.getInteger("bench.e2e.seconds", quick ? 15 : 600),
                Duration.ofSeconds(quick ? 1 : 2), quick ? 1 : 3, quick ? 2 : 5);
    }

    private static int[] ints(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }
}
