package org.integrationhub.sync;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.integrationhub.events.Topic;
import org.integrationhub.testsupport.SharedInfrastructure;

/** What an operator sees of a consumer group on the shared broker: committed and end offsets, and a reset. */
public final class ConsumerGroups implements AutoCloseable {

    private final Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedInfrastructure.get().kafkaBootstrapServers()));

    /** The offset after the last record of each partition of the topic. */
    public Map<TopicPartition, Long> endOffsets(Topic<?, ?> topic) throws ExecutionException, InterruptedException {
        return offsets(topic, OffsetSpec.latest());
    }

    /** The group's committed offsets on the topic (partitions it never committed are missing). */
    public Map<TopicPartition, Long> committed(String group, Topic<?, ?> topic) throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic.name()) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** True when the group committed every partition of the topic up to its end. */
    public boolean caughtUp(String group, Topic<?, ?> topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> committed = committed(group, topic);
        return endOffsets(topic).entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || end.getValue().equals(committed.get(end.getKey())));
    }

    /** Sets the (inactive) group back to the first offset of every partition: a replay from offset 0. */
    public void resetToEarliest(String group, Topic<?, ?> topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> earliest = offsets(topic, OffsetSpec.earliest()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        admin.alterConsumerGroupOffsets(group, earliest).all().get();
    }

    private Map<TopicPartition, Long> offsets(Topic<?, ?> topic, OffsetSpec spec) throws ExecutionException, InterruptedException {
        int partitions = admin.describeTopics(java.util.List.of(topic.name())).allTopicNames().get().get(topic.name()).partitions().size();
        Map<TopicPartition, OffsetSpec> request = java.util.stream.IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartition(topic.name(), p))
                .collect(Collectors.toMap(Function.identity(), tp -> spec));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close();
    }
}
