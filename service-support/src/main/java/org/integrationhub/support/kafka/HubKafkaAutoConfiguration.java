package org.integrationhub.support.kafka;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.Topic;
import org.integrationhub.events.Topics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Kafka as every hub service uses it: the catalogue's topics (and their dead-letter topics)
 * exist before anyone produces or consumes, and envelopes are published through one typed
 * {@link EventPublisher}. Serialisers and producer guarantees come from hub-service-defaults.yml.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(KafkaTopicSettings.class)
public class HubKafkaAutoConfiguration {

    /** The largest record the hub writes (a webhook body at the configured limit plus its envelope). */
    static final String MAX_MESSAGE_BYTES = "4194304";

    @Bean
    KafkaAdmin.NewTopics hubTopics(KafkaTopicSettings settings) {
        return new KafkaAdmin.NewTopics(Topics.all().stream()
                .flatMap(topic -> java.util.stream.Stream.of(newTopic(topic, settings), newTopic(topic.deadLetter(), settings)))
                .toArray(NewTopic[]::new));
    }

    private static NewTopic newTopic(Topic<?, ?> topic, KafkaTopicSettings settings) {
        return TopicBuilder.name(topic.name())
                .partitions(settings.partitions())
                .replicas(settings.replicationFactor())
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_MESSAGE_BYTES))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, EventEnvelope<?>> template) {
        return new EventPublisher(template);
    }
}
