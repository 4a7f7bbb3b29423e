package org.integrationhub.benchmarks.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Each Gatling request name's outcome, recorded from inside the simulation (the run and Gatling share
 * one JVM): the response time Gatling measured, into an HdrHistogram, and whether the answer was 200.
 * Gatling's own HTML report of the same run is kept beside it for people.
 */
public final class GatlingStats {

    /** One request name's figures; latencies in ms, of the requests that got an answer (200 or not). */
    public record Level(String name, long ok, long ko, double p50, double p95, double p99, double max) {
    }

    private record Recorder(Histogram latencyMillis, LongAdder ok, LongAdder ko) {
    }

    private static final Map<String, Recorder> RECORDERS = new ConcurrentHashMap<>();

    private GatlingStats() {
    }

    /** One answer; {@code responseTimeMillis} is null when no answer came (the request failed or timed out): an error, no latency. */
    static void record(String name, boolean ok, Long responseTimeMillis) {
        Recorder recorder = RECORDERS.computeIfAbsent(name, n -> new Recorder(new ConcurrentHistogram(3_600_000L, 3), new LongAdder(),
                new LongAdder()));
        if (responseTimeMillis != null) {
            recorder.latencyMillis().recordValue(Math.max(0, Math.min(responseTimeMillis, 3_600_000L)));
        }
        (ok ? recorder.ok() : recorder.ko()).increment();
    }

    public static void reset() {
        RECORDERS.clear();
    }

    /** Every request name recorded since the last {@link #reset()}. */
    public static Map<String, Level> levels() {
        Map<String, Level> levels = new LinkedHashMap<>();
        RECORDERS.forEach((name, r) -> levels.put(name, new Level(name, r.ok().sum(), r.ko().sum(),
                r.latencyMillis().getValueAtPercentile(50), r.latencyMillis().getValueAtPercentile(95),
                r.latencyMillis().getValueAtPercentile(99), r.latencyMillis().getMaxValue())));
        return levels;
    }
}
