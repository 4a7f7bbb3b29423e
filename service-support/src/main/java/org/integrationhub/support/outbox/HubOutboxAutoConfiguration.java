package org.integrationhub.support.outbox;

import org.integrationhub.events.EventCodec;
import org.integrationhub.support.kafka.EventPublisher;
import org.integrationhub.support.kafka.HubKafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The transactional outbox of a service that both owns data and publishes events (ADR 0007). */
@AutoConfiguration(after = HubKafkaAutoConfiguration.class, afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration"})
@ConditionalOnClass({DatabaseClient.class, io.r2dbc.postgresql.codec.Json.class})
@ConditionalOnBean({DatabaseClient.class, EventPublisher.class, TransactionalOperator.class})
@EnableConfigurationProperties(OutboxSettings.class)
public class HubOutboxAutoConfiguration {

    private static final EventCodec CODEC = new EventCodec();

    @Bean
    Outbox outbox(DatabaseClient db) {
        return new Outbox(db, CODEC);
    }

    @Bean
    OutboxRelay outboxRelay(DatabaseClient db, TransactionalOperator transaction, EventPublisher events, OutboxSettings settings) {
        return new OutboxRelay(db, transaction, events, CODEC, settings);
    }
}
