package org.integrationhub.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.integrationhub.benchmarks.report.Report;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Replay: every observation published since the run began (in a full run topped up to 1,000,000 with
 * observations of new tasks, applied first), re-consumed through the operator API's replay
 * (sync-worker's apply stage with its own consumer). All were applied before, so the rows
 * changed must be 0: no task row updated, no stale count, no outbox row. The ceiling is a bare Kafka
 * consumer reading the same slice and discarding it.
 */
final class ReplayScenario {

    private ReplayScenario() {
    }

    static void run(Bench bench) throws Exception {
        Instant from = bench.startedAt();
        Pipeline.awaitDrained(bench, Duration.ofMinutes(bench.settings().quick() ? 2 : 5));
        topUp(bench, from);
        long[] ceiling = consumeAlone(bench.devstack().kafkaBootstrapServers(), from);
        double ceilingRate = ceiling[0] / (ceiling[1] / 1e9);
        Instant replayStarted = Instant.now();
        String before = fingerprint(bench);
        var sampler = bench.sample("replay of every observation of the run");
        long started = System.nanoTime();
        JsonNode progress;
        try {
            UUID replay = bench.hub().startReplay(from);
            long deadline = System.nanoTime() + Duration.ofMinutes(25).toNanos();
            do {
                Thread.sleep(250);
                progress = bench.hub().replay(replay);
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replay did not finish in time: " + progress);
                }
            } while ("running".equals(progress.path("status").asString()));
        } finally {
            bench.finish(sampler, "replay");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long read = progress.path("read").asLong();
        long changed = bench.count("select count(*) from sync.external_tasks where updated_at >= ?", java.sql.Timestamp.from(replayStarted))
                + bench.count("select count(*) from sync.outbox where created_at >= ?", java.sql.Timestamp.from(replayStarted));
        String after = fingerprint(bench);
        double rate = read / seconds;
        boolean unchanged = changed == 0 && before.equals(after);
        bench.report().scenario(new Report.Scenario("replay", String.format(Locale.ROOT, "%,d observations re-consumed", read), rate, "obs/s",
                ceilingRate, "bare Kafka consumer, bytes discarded", rate / ceilingRate, "≥ 50,000/s and 0 rows changed",
                rate >= 50_000 && unchanged && "succeeded".equals(progress.path("status").asString()),
                String.format(Locale.ROOT, "Status %s; rows changed: %d (%s); duplicates %d, applied %d, unchanged %d, stale %d, skipped %d. "
                        + "Timed from the replay request to its status leaving `running` (polled every 250 ms).",
                        progress.path("status").asString(), changed, unchanged ? "fingerprint of tasks and outbox identical"
                                : "fingerprint before " + before + ", after " + after,
                        progress.path("duplicate").asLong(), progress.path("applied").asLong(), progress.path("unchanged").asLong(),
                        progress.path("stale").asLong(), progress.path("skipped").asLong())));
        bench.report().raw("replay.progress", progress.toString());
    }

    /**
     * The replay is of {@code bench.replay.observations} (1,000,000 in a full run): when the run so far
     * published fewer, observations of new tasks of one more organisation make up the difference, and are applied
     * first (so the replay finds every one applied before). A {@code --quick} run replays what it published.
     */
    private static void topUp(Bench bench, Instant from) throws Exception {
        long published = slice(bench.devstack().kafkaBootstrapServers(), from);
        long missing = bench.settings().replayObservations() - published;
        if (missing <= 0) {
            return;
        }
        long started = System.nanoTime();
        Observations.publish(bench.devstack().kafkaBootstrapServers(), OrgId.random(), ConnectionId.random(), 50_000_000, (int) missing);
        boolean drained = Pipeline.awaitDrained(bench, Duration.ofSeconds(Math.max(300, missing / 1000)));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "replay: %,d observations of new tasks published and applied first in %.0f s (%.0f obs/s)%n", missing,
                seconds, missing / seconds);
        bench.report().note(String.format(Locale.ROOT, "replay: the run had published %,d observations; %,d observations of new tasks "
                + "were published and applied first (%.0f s, %.0f obs/s end to end through apply%s) so that %,d are replayed.", published,
                missing, seconds, missing / seconds, drained ? "" : ", NOT all applied when the wait ended", bench.settings().replayObservations()));
    }

    /** How many records {@code integration.task-observations} holds from {@code from} to its end. */
    private static long slice(String bootstrap, Instant from) {
        try (var consumer = new KafkaConsumer<byte[], byte[]>(consumerProperties(bootstrap))) {
            return Slice.of(consumer, from).size();
        }
    }

    /** Where each partition of {@code integration.task-observations} is at {@code from}, and where it ends now. */
    private record Slice(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {

        static Slice of(KafkaConsumer<?, ?> consumer, Instant from) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TASK_OBSERVATIONS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> at = consumer.offsetsForTimes(query);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts = new HashMap<>();
            partitions.forEach(tp -> starts.put(tp, at.get(tp) == null ? ends.get(tp) : at.get(tp).offset()));
            return new Slice(starts, ends);
        }

        long size() {
            return starts.keySet().stream().mapToLong(tp -> ends.get(tp) - starts.get(tp)).sum();
        }
    }

    private static Properties consumerProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }

    /** Rows, the sum of versions and stale counts of every task, and outbox rows: equal before and after when nothing changed. */
    private static String fingerprint(Bench bench) {
        return bench.count("select count(*) from sync.external_tasks") + "/" + bench.count("select coalesce(sum(version), 0) from sync.external_tasks")
                + "/" + bench.count("select coalesce(sum(stale_count), 0) from sync.external_tasks") + "/"
                + bench.count("select count(*) from sync.outbox");
    }

    /** {records, nanoseconds}: the slice from {@code from} to the current end of every partition. */
    private static long[] consumeAlone(String bootstrap, Instant from) {
        try (var consumer = new KafkaConsumer<byte[], byte[]>(consumerProperties(bootstrap))) {
            Slice slice = Slice.of(consumer, from);
            Map<TopicPartition, Long> ends = slice.ends();
            long started = System.nanoTime();
            consumer.assign(slice.starts().keySet());
            slice.starts().forEach(consumer::seek);
            long expected = slice.size();
            long read = 0;
            while (read < expected) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        read++;
                    }
                }
            }
            long nanos = System.nanoTime() - started;
            System.out.printf(Locale.ROOT, "replay ceiling: %,d records consumed in %.1f s%n", read, nanos / 1e9);
            return new long[] {read, nanos};
        }
    }
}
