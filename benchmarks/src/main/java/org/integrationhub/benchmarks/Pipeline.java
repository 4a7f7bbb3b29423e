package org.integrationhub.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far sync-worker's consumer groups are behind, so that one scenario's backlog does not spill into the next one's figures. */
final class Pipeline {

    private static final List<String> GROUPS = List.of("sync-worker.normalise", "sync-worker.apply");

    private Pipeline() {
    }

    /** Waits until the webhook and apply consumers have caught up, at most {@code cap}; false if they had not. */
    static boolean awaitDrained(Bench bench, Duration cap) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bench.devstack().kafkaBootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            long deadline = System.nanoTime() + cap.toNanos();
            long lag = lag(admin);
            while (lag > 0) {
                if (System.nanoTime() > deadline) {
                    bench.report().note(String.format(Locale.ROOT, "sync-worker was still %,d records behind after waiting %d s; the next "
                            + "scenario ran with that backlog.", lag, cap.toSeconds()));
                    return false;
                }
                Thread.sleep(500);
                lag = lag(admin);
            }
            return true;
        }
    }

    static long lag(Admin admin) throws Exception {
        long total = 0;
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            for (var entry : committed.entrySet()) {
                long position = entry.getValue() == null ? 0 : entry.getValue().offset();
                total += Math.max(0, ends.get(entry.getKey()).offset() - position);
            }
        }
        return total;
    }
}
