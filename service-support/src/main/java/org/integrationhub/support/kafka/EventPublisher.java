package org.integrationhub.support.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.Topic;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes envelopes to catalogue topics, typed by the topic: the key and the payload must be
 * of the topic's key and value types. The returned Mono completes when the broker acknowledged
 * the record (acks=all, idempotent producer).
 */
public class EventPublisher {

    private final KafkaTemplate<String, EventEnvelope<?>> template;

    public EventPublisher(KafkaTemplate<String, EventEnvelope<?>> template) {
        this.template = template;
    }

    public <K, V> Mono<RecordMetadata> publish(Topic<K, V> topic, K key, EventEnvelope<V> envelope) {
        if (!topic.values().name().equals(envelope.type())) {
            return Mono.error(new IllegalArgumentException(
                    "Topic " + topic.name() + " carries " + topic.values().name() + ", not " + envelope.type()));
        }
        return send(new ProducerRecord<>(topic.name(), topic.keys().format(key), envelope));
    }

    /** Publishes a tombstone (null value), which deletes the key from a compacted topic. */
    public <K> Mono<RecordMetadata> tombstone(Topic<K, ?> topic, K key) {
        return send(new ProducerRecord<>(topic.name(), topic.keys().format(key), null));
    }

    /**
     * Publishes an envelope, or a tombstone when it is null, under a key already formatted by the
     * topic's key format: for relays that stored the record earlier (the outbox).
     */
    public Mono<RecordMetadata> publishFormatted(Topic<?, ?> topic, String formattedKey, EventEnvelope<?> envelopeOrNull) {
        if (envelopeOrNull != null && !topic.values().name().equals(envelopeOrNull.type())) {
            return Mono.error(new IllegalArgumentException(
                    "Topic " + topic.name() + " carries " + topic.values().name() + ", not " + envelopeOrNull.type()));
        }
        return send(new ProducerRecord<>(topic.name(), formattedKey, envelopeOrNull));
    }

    /**
     * {@code KafkaProducer.send} can block (metadata, a full buffer) for up to {@code max.block.ms}:
     * it runs on one dedicated thread, never on an event loop, and in subscription order. The acknowledgement
     * arrives on the producer's I/O thread, which also sends every other record: what follows it (an HTTP
     * answer, counters, log lines) moves to the parallel scheduler so that thread only sends.
     */
    private Mono<RecordMetadata> send(ProducerRecord<String, EventEnvelope<?>> record) {
        return Mono.fromFuture(() -> template.send(record)).subscribeOn(SENDER)
                .publishOn(Schedulers.parallel()).map(result -> result.getRecordMetadata());
    }

    private static final reactor.core.scheduler.Scheduler SENDER = reactor.core.scheduler.Schedulers.newSingle("kafka-send", true);
}
