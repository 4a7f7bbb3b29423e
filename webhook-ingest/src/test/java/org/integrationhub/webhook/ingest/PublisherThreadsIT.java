package org.integrationhub.webhook.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.Topics;
import org.integrationhub.support.kafka.EventPublisher;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What follows an acknowledged publish (the 200, its counter, its log line) must not run on Kafka's producer
 * I/O thread: that thread also sends every other record, and work on it capped ingest throughput (docs/benchmarks.md).
 */
@HubIntegrationTest
class PublisherThreadsIT {

    @Autowired
    EventPublisher publisher;

    @Test
    void workAfterTheAcknowledgementRunsOffTheProducersIoThread() {
        String thread = publisher.tombstone(Topics.CONNECTIONS, ConnectionId.random())
                .map(acknowledged -> Thread.currentThread().getName())
                .block(Duration.ofSeconds(30));
        assertThat(thread).doesNotContain("kafka-producer-network-thread");
    }
}
