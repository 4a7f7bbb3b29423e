package org.integrationhub.sync.failures;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.Topics;
import org.integrationhub.sync.stages.PipelineStages;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one failure policy of sync-worker's consumers (HOUSE-STYLE #7, ADR 0011). A failing record
 * is retried with bounded exponential backoff and then published to its topic's {@code -dlt}; a
 * poison record (undecodable: the consumer's {@code ErrorHandlingDeserializer} hands it over) goes
 * there at once. A failure of the database is never the record's fault: it is retried forever,
 * with backoff up to {@code database-max-interval}, so consumption pauses on the failed record
 * and no offset is committed past it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsumerSettings.class)
public class ConsumerFailurePolicy {

    /** The listener container factory of batch listeners (Boot's default one serves record listeners). */
    public static final String BATCH_FACTORY = "batchListenerContainerFactory";

    /**
     * Dead-letter headers besides spring-kafka's {@code kafka_dlt-*}: the class and message of the
     * innermost cause, which says why a record failed where {@code kafka_dlt-exception-message} names
     * only the listener (the operator API shows them as the reason, ADR 0015).
     */
    public static final String ROOT_CAUSE_CLASS_HEADER = "hub_dlt-root-cause-class";
    public static final String ROOT_CAUSE_MESSAGE_HEADER = "hub_dlt-root-cause-message";
    private static final int MAX_REASON_CHARS = 1000;

    /**
     * Publishes the original bytes of undecodable records. Not a {@code ProducerFactory} bean, so
     * Boot's own producer factory (envelopes) stays in place; closed with the context.
     */
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
    DeadLetterBytes deadLetterBytes(KafkaProperties kafka) {
        return new DeadLetterBytes(kafka);
    }

    @Bean
    DefaultErrorHandler consumerErrorHandler(KafkaTemplate<String, EventEnvelope<?>> envelopes,
            DeadLetterBytes deadLetterBytes, ConsumerSettings settings, PipelineStages stages) {
        // an undecodable record is dead-lettered with its original bytes, a decoded one as its envelope
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, deadLetterBytes.template());
        templates.put(EventEnvelope.class, envelopes);
        templates.put(Void.class, envelopes);
        var recoverer = new DeadLetterPublishingRecoverer(templates, (record, failure) -> new TopicPartition(
                Topics.byName(record.topic()).orElseThrow().deadLetter().name(), record.partition()));

        recoverer.setHeadersFunction((record, failure) -> rootCauseHeaders(failure));

        var retries = new ExponentialBackOff(settings.retries().initialInterval().toMillis(), 2.0);
        retries.setMaxInterval(settings.retries().maxInterval().toMillis());
        retries.setMaxAttempts(settings.retries().attempts());

        var handler = new DefaultErrorHandler(recoverer, retries);
        handler.addNotRetryableExceptions(PoisonRecord.class);
        // every failed delivery is its stage's last error, whether it is retried or dead-lettered next
        handler.setRetryListeners((record, failure, attempt) -> PipelineStages.Stage.consuming(record.topic())
                .ifPresent(stage -> stages.failed(stage, failure)));
        // null: the bounded retries above
        handler.setBackOffFunction((record, failure) -> DatabaseFailures.isUnavailable(failure) ? untilTheDatabaseIsBack(settings) : null);
        return handler;
    }

    static Headers rootCauseHeaders(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        message = message.length() > MAX_REASON_CHARS ? message.substring(0, MAX_REASON_CHARS) + "…" : message;
        var headers = new RecordHeaders();
        headers.add(ROOT_CAUSE_CLASS_HEADER, root.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add(ROOT_CAUSE_MESSAGE_HEADER, message.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static BackOff untilTheDatabaseIsBack(ConsumerSettings settings) {
        var backOff = new ExponentialBackOff(Math.min(200, settings.databaseMaxInterval().toMillis()), 2.0);
        backOff.setMaxInterval(settings.databaseMaxInterval().toMillis());
        return backOff; // no maximum of attempts or elapsed time: never gives up, never dead-letters
    }

    @Bean(BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            ConsumerSettings settings) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers); // takes the one CommonErrorHandler bean, like Boot's record factory
        factory.setBatchListener(true);
        factory.setConcurrency(settings.concurrency());
        return factory;
    }
}
