package org.integrationhub.webhook.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.integrationhub.support.kafka.EventPublisher;
import org.integrationhub.support.web.HttpSettings;
import org.integrationhub.webhook.connections.ConnectionView;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the webhook endpoint. At start-up it refuses a body limit the producer could not carry: a
 * body travels base64-encoded inside its envelope, so {@code max.request.size} must exceed 4/3 of
 * the limit plus room for the envelope (the topics accept 4 MiB, see HubKafkaAutoConfiguration).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class IngestConfiguration {

    static final long ENVELOPE_ROOM = 64 * 1024;

    @Bean
    WebhookController webhookController(WebhookSettings settings, ConnectionView connections, EventPublisher publisher,
            HttpSettings http, KafkaProperties kafka, Clock clock) {
        long maxBody = http.maxRequestBody().toBytes();
        Object maxRequest = kafka.buildProducerProperties().getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1048576);
        long largestRecord = (maxBody + 2) / 3 * 4 + ENVELOPE_ROOM;
        if (largestRecord > Long.parseLong(maxRequest.toString())) {
            throw new IllegalStateException("hub.http.max-request-body (" + maxBody + " bytes) is too large for the Kafka producer's "
                    + "max.request.size (" + maxRequest + "): a body that size makes a record of about " + largestRecord + " bytes");
        }
        List<ProviderWebhooks> providers = List.of(new JiraWebhooks(settings.jira(), clock), new GitHubWebhooks(),
                new SlackWebhooks(settings.slack(), clock));
        return new WebhookController(providers, connections, publisher, settings, http.maxRequestBody(), clock);
    }

    @Bean
    WebhookOutcomes webhookOutcomes(MeterRegistry registry, ConnectionView connections, DeliveryCounts counts) {
        return new WebhookOutcomes(registry, connections, counts);
    }

    @Bean
    DeliveryCounts deliveryCounts(Clock clock) {
        return new DeliveryCounts(clock);
    }
}
