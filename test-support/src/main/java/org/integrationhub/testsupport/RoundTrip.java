package org.integrationhub.testsupport;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.Topic;
import org.integrationhub.support.kafka.EventPublisher;
import reactor.core.publisher.Mono;

/** One envelope to send through Kafka and expect back, typed by its catalogue topic. */
public record RoundTrip<K, V>(Topic<K, V> topic, K key, EventEnvelope<V> envelope) {

    Mono<RecordMetadata> publishWith(EventPublisher publisher) {
        return publisher.publish(topic, key, envelope);
    }

    String formattedKey() {
        return topic.keys().format(key);
    }
}
