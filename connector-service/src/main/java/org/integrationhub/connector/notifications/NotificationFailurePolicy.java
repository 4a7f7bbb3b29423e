package org.integrationhub.connector.notifications;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.Topics;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * connector-service's consumer failure policy (HOUSE-STYLE #7; as sync-worker's, smaller): a
 * failing record is retried twice, half a second apart, then published to its topic's {@code -dlt};
 * poison goes there at once, undecodable values with their original bytes. Notifications are
 * at most once, so a record that keeps failing (e.g. the database is down) is parked in the
 * dead-letter topic rather than blocking the partition (ADR 0016).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackNotificationSettings.class)
class NotificationFailurePolicy {

    /** A producer of raw bytes for undecodable records; not a ProducerFactory bean, so Boot's stays in place. */
    static final class DeadLetterBytes implements DisposableBean {

        private final DefaultKafkaProducerFactory<String, byte[]> producers;

        DeadLetterBytes(KafkaProperties kafka) {
            producers = new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        }

        KafkaTemplate<String, byte[]> template() {
            return new KafkaTemplate<>(producers);
        }

        @Override
        public void destroy() {
            producers.destroy();
        }
    }

    @Bean
    DeadLetterBytes notificationDeadLetterBytes(KafkaProperties kafka) {
        return new DeadLetterBytes(kafka);
    }

    @Bean
    DefaultErrorHandler consumerErrorHandler(KafkaTemplate<String, EventEnvelope<?>> envelopes, DeadLetterBytes deadLetterBytes) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, deadLetterBytes.template());
        templates.put(EventEnvelope.class, envelopes);
        templates.put(Void.class, envelopes);
        var recoverer = new DeadLetterPublishingRecoverer(templates, (record, failure) -> new TopicPartition(
                Topics.byName(record.topic()).orElseThrow().deadLetter().name(), record.partition()));
        var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 2));
        handler.addNotRetryableExceptions(PoisonRecord.class);
        return handler;
    }
}
