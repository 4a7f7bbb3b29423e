package org.integrationhub.webhook;

import java.time.Clock;
import org.integrationhub.support.crypto.WebhookSecretSeal;
import org.integrationhub.webhook.connections.ConnectionView;
import org.integrationhub.webhook.connections.ConnectionViewLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The connection view and what it needs; the ingest pieces configure themselves in {@code ingest}. */
@Configuration(proxyBeanMethods = false)
class WebhookIngestConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WebhookSecretSeal webhookSecretSeal(Environment environment) {
        return WebhookSecretSeal.from(environment);
    }

    @Bean
    ConnectionView connectionView() {
        return new ConnectionView();
    }

    @Bean
    ConnectionViewLoader connectionViewLoader(KafkaProperties kafka, ConnectionView view, WebhookSecretSeal seal) {
        return new ConnectionViewLoader(kafka.buildConsumerProperties(), view, seal);
    }
}
