package org.integrationhub.sync.stages;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.integrationhub.events.Topics;
import org.springframework.stereotype.Component;

/**
 * What each stage of the pipeline does (ADR 0017): records handled per second over the last
 * minute, the last error (its innermost cause's class and message, and when), and the syncs this
 * instance is fetching. The stages report here; the operator API's health and these meters show it:
 * {@code sync.stage.records{stage}} (a counter), {@code sync.stage.records.rate{stage}} (records per
 * second, last minute), {@code sync.stage.last.error.time{stage}} (epoch seconds, 0 before the
 * first error) and {@code sync.fetch.runs.in.progress}.
 */
@Component
public class PipelineStages {

    /** Per second, over this many seconds. */
    static final int WINDOW_SECONDS = 60;
    private static final int MAX_MESSAGE_CHARS = 300;

    public enum Stage {
        /** Sync requests paged through the providers: observations published. */
        FETCH,
        /** Webhook deliveries normalised. */
        NORMALISE,
        /** Observations applied (every outcome: applied, unchanged, stale, duplicate). */
        APPLY;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The stage consuming that topic, if any. */
        public static Optional<Stage> consuming(String topic) {
            if (Topics.SYNC_REQUESTS.name().equals(topic)) {
                return Optional.of(FETCH);
            }
            if (Topics.WEBHOOK_DELIVERIES.name().equals(topic)) {
                return Optional.of(NORMALISE);
            }
            return Topics.TASK_OBSERVATIONS.name().equals(topic) ? Optional.of(APPLY) : Optional.empty();
        }
    }

    /** A stage now: {@code lastError} and {@code lastErrorAt} are null until it first failed. */
    public record StageView(String stage, long records, double recordsPerSecond, String lastError, Instant lastErrorAt) {
    }

    private record LastError(String message, Instant at) {
    }

    private final class Activity {
        final Counter records;
        final long[] bucketSecond = new long[WINDOW_SECONDS];
        final long[] bucketCount = new long[WINDOW_SECONDS];
        final AtomicReference<LastError> lastError = new AtomicReference<>();

        Activity(Stage stage, MeterRegistry meters) {
            records = Counter.builder("sync.stage.records").description("records a pipeline stage handled").tag("stage", stage.wireName())
                    .baseUnit("records").register(meters);
            Gauge.builder("sync.stage.records.rate", this, Activity::perSecond).description("records per second over the last minute")
                    .tag("stage", stage.wireName()).register(meters);
            Gauge.builder("sync.stage.last.error.time", this, a -> a.lastError.get() == null ? 0 : a.lastError.get().at().getEpochSecond())
                    .description("when the stage last failed (epoch seconds; 0: not since the start)").tag("stage", stage.wireName())
                    .baseUnit("seconds").register(meters);
        }

        synchronized void add(long n) {
            long second = clock.instant().getEpochSecond();
            int slot = (int) (second % WINDOW_SECONDS);
            if (bucketSecond[slot] != second) {
                bucketSecond[slot] = second;
                bucketCount[slot] = 0;
            }
            bucketCount[slot] += n;
        }

        synchronized double perSecond() {
            long now = clock.instant().getEpochSecond();
            long sum = 0;
            for (int i = 0; i < WINDOW_SECONDS; i++) {
                if (bucketSecond[i] > now - WINDOW_SECONDS) {
                    sum += bucketCount[i];
                }
            }
            return (double) sum / WINDOW_SECONDS;
        }
    }

    private final Map<Stage, Activity> stages = new EnumMap<>(Stage.class);
    private final AtomicInteger syncsRunning = new AtomicInteger();
    private final Clock clock;

    PipelineStages(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        Arrays.stream(Stage.values()).forEach(stage -> stages.put(stage, new Activity(stage, meters)));
        Gauge.builder("sync.fetch.runs.in.progress", syncsRunning, AtomicInteger::get)
                .description("sync runs this instance is fetching now").register(meters);
    }

    /** The stage handled {@code n} more records. */
    public void handled(Stage stage, long n) {
        if (n > 0) {
            Activity activity = stages.get(stage);
            activity.records.increment(n);
            activity.add(n);
        }
    }

    /** The stage failed: its innermost cause's class and message (shortened) become its last error. */
    public void failed(Stage stage, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        failed(stage, message);
    }

    /** The stage failed for a reason already put in words (a failed sync). */
    public void failed(Stage stage, String reason) {
        String message = reason.length() > MAX_MESSAGE_CHARS ? reason.substring(0, MAX_MESSAGE_CHARS) + "…" : reason;
        stages.get(stage).lastError.set(new LastError(message, clock.instant()));
    }

    /** Runs a sync, counted as in progress meanwhile. */
    public <T> T syncing(java.util.function.Supplier<T> sync) {
        syncsRunning.incrementAndGet();
        try {
            return sync.get();
        } finally {
            syncsRunning.decrementAndGet();
        }
    }

    /** Sync runs this instance is fetching now (queued runs wait in Kafka and are connector-service's to count). */
    public int syncRunsInProgress() {
        return syncsRunning.get();
    }

    public List<StageView> view() {
        return stages.entrySet().stream().map(e -> {
            Activity activity = e.getValue();
            LastError last = activity.lastError.get();
            return new StageView(e.getKey().wireName(), (long) activity.records.count(), Math.round(activity.perSecond() * 100) / 100.0,
                    last == null ? null : last.message(), last == null ? null : last.at());
        }).toList();
    }
}
