package org.integrationhub.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How the hub's topics are created: {@code hub.kafka.partitions} and {@code hub.kafka.replication-factor}. */
@ConfigurationProperties("hub.kafka")
public record KafkaTopicSettings(int partitions, short replicationFactor) {

    public KafkaTopicSettings {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("hub.kafka.partitions and hub.kafka.replication-factor must be at least 1");
        }
    }
}
