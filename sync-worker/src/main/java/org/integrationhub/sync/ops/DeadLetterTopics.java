package org.integrationhub.sync.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.integrationhub.events.Topic;
import org.integrationhub.events.Topics;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code -dlt} topics of the catalogue from their beginning to their current end with a
 * consumer of its own (assigned partitions, no group, nothing committed), and sends a dead
 * letter's original key and bytes back to its original topic. Blocking: callers run it off the
 * event loop.
 */
@Component
class DeadLetterTopics implements DisposableBean {

    /** Set on a redriven record: the dead letter it came from ({@code topic/partition/offset}). */
    static final String REDRIVEN_FROM = "hub_redriven-from";

    private final KafkaProperties kafka;
    private final OpsSettings settings;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> bytes;

    DeadLetterTopics(KafkaProperties kafka, OpsSettings settings) {
        this.kafka = kafka;
        this.settings = settings;
        this.producers = new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        this.bytes = new KafkaTemplate<>(producers);
    }

    static List<String> names() {
        return Topics.all().stream().map(Topic::deadLetter).map(Topic::name).toList();
    }

    /** The dead letters that match, oldest first per partition, at most {@code maxDeadLetters}. */
    List<DeadLetter> read(Predicate<DeadLetter> matches) {
        List<DeadLetter> found = new ArrayList<>();
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = names().stream()
                    .flatMap(name -> consumer.partitionsFor(name, settings.readTimeout()).stream()
                            .map(info -> new TopicPartition(name, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, settings.readTimeout());
            long deadline = System.nanoTime() + settings.readTimeout().toNanos();
            while (!atEnd(consumer, ends) && found.size() < settings.maxDeadLetters()) {
                if (System.nanoTime() > deadline) {
                    throw new DeadLettersUnreadable();
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    Long end = ends.get(new TopicPartition(record.topic(), record.partition()));
                    DeadLetter letter = DeadLetter.of(record);
                    if (end != null && record.offset() < end && matches.test(letter) && found.size() < settings.maxDeadLetters()) {
                        found.add(letter);
                    }
                }
            }
        }
        return found;
    }

    /** The dead letter at that position, if the position names one of the catalogue's dead-letter topics and holds a record. */
    Optional<DeadLetter> readOne(DeadLetter.Position position) {
        if (!names().contains(position.topic()) || position.partition() < 0 || position.offset() < 0) {
            return Optional.empty();
        }
        try (var consumer = consumer()) {
            var partition = new TopicPartition(position.topic(), position.partition());
            if (consumer.partitionsFor(position.topic(), settings.readTimeout()).stream().noneMatch(p -> p.partition() == position.partition())) {
                return Optional.empty();
            }
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), settings.readTimeout()).get(partition);
            if (position.offset() >= end) {
                return Optional.empty();
            }
            consumer.seek(partition, position.offset());
            long deadline = System.nanoTime() + settings.readTimeout().toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == position.offset()) {
                        return Optional.of(DeadLetter.of(record));
                    }
                    if (record.offset() > position.offset()) {
                        return Optional.empty(); // deleted by retention, or a transaction marker
                    }
                }
            }
            throw new DeadLettersUnreadable();
        }
    }

    /** Sends the dead letter's key and original bytes to its original topic and partition, and waits for the acknowledgement. */
    void sendBack(DeadLetter letter) {
        var record = new ProducerRecord<>(letter.originalTopic(), letter.originalPartition(), letter.key(), letter.value());
        record.headers().add(new RecordHeader(REDRIVEN_FROM, letter.position().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        bytes.send(record).orTimeout(settings.readTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).join();
    }

    private boolean atEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey(), settings.readTimeout()) >= end.getValue());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> properties = new java.util.HashMap<>(kafka.buildConsumerProperties());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
