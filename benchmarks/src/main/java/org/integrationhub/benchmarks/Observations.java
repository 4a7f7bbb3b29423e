package org.integrationhub.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.integrationhub.benchmarks.load.JiraDeliveries;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.EventCodec;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.IdempotencyKeys;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.Person;
import org.integrationhub.events.TaskKey;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.Topics;

/** Polled Jira task observations as sync-worker's fetch stage publishes them, and a producer for them. */
final class Observations {

    static final EventCodec CODEC = new EventCodec();
    private static final Instant BASE = Instant.parse("2026-11-01T00:00:00Z");

    private Observations() {
    }

    static EventEnvelope<TaskObserved> observation(OrgId org, ConnectionId connection, long id) {
        Instant updated = BASE.plusSeconds(id);
        String externalId = String.valueOf(id);
        String raw = JiraDeliveries.issueCreated(id, updated);
        var observed = new TaskObserved(connection, ExternalSystem.JIRA, externalId, "BENCH-" + id, "Board card jumps back (" + id + ")",
                "In Progress", "indeterminate", TaskObserved.Kind.ISSUE, new Person("5b10ac8d82e05b22cc7d4ef5", "grace@acme.example",
                        "Grace Hopper"), "BENCH", List.of("benchmark", "ui"), "http://localhost:8090/atlassian/site/acme/browse/BENCH-" + id,
                updated, updated, false, TaskObserved.Source.POLL, raw.substring(raw.indexOf("\"issue\":") + 8, raw.indexOf(",\"comment\"")));
        return EventEnvelope.of(EventTypes.TASK_OBSERVED, org, IdempotencyKeys.polledItem(connection, externalId, updated), observed,
                Clock.systemUTC());
    }

    static String key(EventEnvelope<TaskObserved> envelope) {
        return new TaskKey(envelope.orgId(), envelope.payload().system(), envelope.payload().externalId()).format();
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(properties);
    }

    /** Publishes observations {@code first .. first+count-1} of one organisation; returns when Kafka acknowledged all. */
    static Duration publish(String bootstrap, OrgId org, ConnectionId connection, long first, int count) throws Exception {
        long started = System.nanoTime();
        try (var producer = producer(bootstrap)) {
            Future<RecordMetadata> last = null;
            for (long id = first; id < first + count; id++) {
                var envelope = observation(org, connection, id);
                last = producer.send(new ProducerRecord<>(Topics.TASK_OBSERVATIONS.name(), key(envelope), CODEC.encode(envelope)));
            }
            producer.flush();
            if (last != null) {
                last.get();
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
