package org.integrationhub.sync.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.integrationhub.sync.stages.PipelineStages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Consumer lag of each of sync-worker's consumer groups per partition (the group's committed offset
 * against the partition's end offset, Kafka's Admin API) and the number of records in each
 * {@code -dlt} topic. Served on demand and as gauges {@code sync.ops.consumer.lag{group,topic,partition}}
 * and {@code sync.ops.dead.letters{topic}}, refreshed every {@code hub.sync.ops.metrics-interval}.
 */
@Component
class PipelineHealth implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PipelineHealth.class);

    /** A partition of a group: committed is null when the group never committed there; lag then counts from the first record. */
    record PartitionLag(String group, String topic, int partition, Long committed, long end, long lag) {
    }

    record DeadLetterCount(String topic, long records) {
    }

    record Snapshot(Instant at, List<PartitionLag> lag, List<DeadLetterCount> deadLetters) {
    }

    /**
     * {@code GET /api/ops/health} (ADR 0017): each stage's rate and last error, lag and dead-letter
     * topics (null, with {@code kafkaUnreadable} saying why, when Kafka did not answer in time) and
     * the sync runs this instance is fetching.
     */
    record Health(Instant at, List<PipelineStages.StageView> stages, List<PartitionLag> lag, List<DeadLetterCount> deadLetterTopics,
            int syncRunsInProgress, String kafkaUnreadable) {
    }

    private final KafkaListenerEndpointRegistry listeners;
    private final PipelineStages stages;
    private final OpsSettings settings;
    private final Admin admin;
    private final MultiGauge lagGauge;
    private final MultiGauge deadLetterGauge;
    private volatile Disposable refreshing;

    PipelineHealth(KafkaListenerEndpointRegistry listeners, PipelineStages stages, KafkaAdmin kafkaAdmin, OpsSettings settings,
            MeterRegistry meters) {
        this.listeners = listeners;
        this.stages = stages;
        this.settings = settings;
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.lagGauge = MultiGauge.builder("sync.ops.consumer.lag").description("records a consumer group has yet to consume")
                .baseUnit("records").register(meters);
        this.deadLetterGauge = MultiGauge.builder("sync.ops.dead.letters").description("records in a dead-letter topic")
                .baseUnit("records").register(meters);
    }

    /** The stages now, with the lag and dead-letter topics read now (blocking, bounded); the stages even when Kafka does not answer. */
    Health health() {
        Snapshot snapshot;
        try {
            snapshot = snapshot();
        } catch (PipelineHealthUnreadable unreadable) {
            return new Health(Instant.now(), stages.view(), null, null, stages.syncRunsInProgress(), unreadable.getMessage());
        }
        return new Health(snapshot.at(), stages.view(), snapshot.lag(), snapshot.deadLetters(), stages.syncRunsInProgress(), null);
    }

    /** Reads the offsets now (blocking, bounded by {@code read-timeout}) and updates the gauges. */
    Snapshot snapshot() {
        try {
            Map<String, Set<String>> topicsByGroup = new HashMap<>();
            for (MessageListenerContainer container : listeners.getListenerContainers()) {
                String[] topics = container.getContainerProperties().getTopics();
                if (container.getGroupId() != null && topics != null) {
                    topicsByGroup.computeIfAbsent(container.getGroupId(), g -> new HashSet<>()).addAll(List.of(topics));
                }
            }
            Set<String> topics = new HashSet<>(DeadLetterTopics.names());
            topicsByGroup.values().forEach(topics::addAll);
            List<TopicPartition> partitions = partitionsOf(topics);
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());

            List<PartitionLag> lag = new ArrayList<>();
            for (var group : topicsByGroup.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
                partitions.stream().filter(tp -> group.getValue().contains(tp.topic())).forEach(tp -> {
                    OffsetAndMetadata offset = committed.get(tp);
                    Long at = offset == null ? null : offset.offset();
                    long end = ends.get(tp);
                    lag.add(new PartitionLag(group.getKey(), tp.topic(), tp.partition(), at, end,
                            Math.max(0, end - (at == null ? starts.get(tp) : at))));
                });
            }
            List<DeadLetterCount> deadLetters = DeadLetterTopics.names().stream()
                    .map(name -> new DeadLetterCount(name, partitions.stream().filter(tp -> tp.topic().equals(name))
                            .mapToLong(tp -> ends.get(tp) - starts.get(tp)).sum()))
                    .toList();
            var snapshot = new Snapshot(Instant.now(), lag, deadLetters);
            publish(snapshot);
            return snapshot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineHealthUnreadable(e);
        } catch (Exception e) {
            throw new PipelineHealthUnreadable(e);
        }
    }

    private void publish(Snapshot snapshot) {
        lagGauge.register(snapshot.lag().stream().map(p -> MultiGauge.Row.of(
                Tags.of("group", p.group(), "topic", p.topic(), "partition", String.valueOf(p.partition())), p.lag())).toList(), true);
        deadLetterGauge.register(snapshot.deadLetters().stream()
                .map(d -> MultiGauge.Row.of(Tags.of("topic", d.topic()), d.records())).toList(), true);
    }

    private List<TopicPartition> partitionsOf(Collection<String> topics) throws Exception {
        return admin.describeTopics(topics).allTopicNames().get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .sorted(java.util.Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition))
                .toList();
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), tp -> spec)))
                .all().get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void start() {
        refreshing = Flux.interval(java.time.Duration.ZERO, settings.metricsInterval(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> reactor.core.publisher.Mono.fromRunnable(this::snapshot)
                        .doOnError(e -> log.warn("Pipeline health not refreshed: {}", e.toString()))
                        .onErrorComplete(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = refreshing;
        if (current != null) {
            current.dispose();
        }
        refreshing = null;
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }

    @Override
    public void destroy() {
        stop();
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
