package org.integrationhub.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.integrationhub.events.EventCodec;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.Topic;

/**
 * Reads what landed on one topic of the shared broker, from the beginning, decoding values with
 * the wire contract's codec (so a test sees exactly what another service would see).
 */
public final class KafkaProbe<K, V> implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();

    private final Topic<K, V> topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private KafkaProbe(Topic<K, V> topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic.name()));
    }

    public static <K, V> KafkaProbe<K, V> on(Topic<K, V> topic) {
        return new KafkaProbe<>(topic);
    }

    /** Waits (bounded, labelled) until at least {@code count} records were read; returns all read so far. */
    public List<Received<K, V>> awaitAtLeast(int count, Duration atMost) {
        await("at least " + count + " record(s) on " + topic.name()).atMost(atMost).pollInterval(Duration.ZERO)
                .until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                    return seen.size() >= count;
                });
        return received();
    }

    /** Waits (bounded, labelled) until {@code count} records that match were read; returns the matching ones. */
    public List<Received<K, V>> awaitMatching(java.util.function.Predicate<Received<K, V>> matching, int count, Duration atMost) {
        await(count + " matching record(s) on " + topic.name()).atMost(atMost).pollInterval(Duration.ZERO)
                .until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                    return received().stream().filter(matching).count() >= count;
                });
        return received().stream().filter(matching).toList();
    }

    /** Polls for {@code quietFor} and returns everything read; use it to prove that nothing more arrives. */
    public List<Received<K, V>> drain(Duration quietFor) {
        long deadline = System.nanoTime() + quietFor.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return received();
    }

    private List<Received<K, V>> received() {
        return seen.stream()
                .map(r -> new Received<>(r.key() == null ? null : topic.keys().parse(r.key()),
                        r.value() == null ? null : CODEC.decode(r.value(), topic.values()), r))
                .toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** One record as a consumer of the contract sees it; {@code envelope} is null for a tombstone. */
    public record Received<K, V>(K key, EventEnvelope<V> envelope, ConsumerRecord<String, byte[]> raw) {
    }
}
