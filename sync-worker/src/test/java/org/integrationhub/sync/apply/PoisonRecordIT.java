package org.integrationhub.sync.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.integrationhub.events.EventCodec;
import org.integrationhub.events.Topics;
import org.integrationhub.sync.SyncWorkerTest;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;

/** A record that cannot be decoded, or that the database refuses, goes to the dead-letter topic; the records around it still apply. */
class PoisonRecordIT extends SyncWorkerTest {

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWhileTheRecordsBehindItApply() throws Exception {
        var good = jira.polled("after-poison", "still applied", 1);
        String key = keyOf(good).format();
        byte[] poison = ("{\"not\": \"an envelope " + UUID.randomUUID() + "\"").getBytes(StandardCharsets.UTF_8);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            // same key: same partition, the poison record first
            producer.send(new ProducerRecord<>(Topics.TASK_OBSERVATIONS.name(), key, poison)).get();
        }
        publish(good);

        await("the record behind the poison applied").atMost(Duration.ofSeconds(60)).until(() -> tasksOf(organisation) == 1);
        List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(key::equals, 1, Duration.ofSeconds(30));
        assertThat(deadLetters).singleElement().satisfies(r -> {
            assertThat(r.value()).as("the original bytes").isEqualTo(poison);
            assertThat(r.headers().lastHeader("kafka_dlt-original-topic").value())
                    .isEqualTo(Topics.TASK_OBSERVATIONS.name().getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void aRecordTheDatabaseRefusesIsDeadLetteredAfterBoundedRetriesWhileTheOthersApply() {
        var before = jira.polled("refused-1", "before", 1);
        var refused = jira.polled("refused-1", "a NUL \u0000 Postgres text cannot hold", 2);
        var after = jira.polled("refused-1", "after", 3);
        publish(before, refused, after);

        await("the records around the refused one applied").atMost(Duration.ofSeconds(60))
                .until(() -> "after".equals(task(organisation, "refused-1").get("title")));
        List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(keyOf(refused).format()::equals, 1, Duration.ofSeconds(30));
        assertThat(deadLetters).singleElement().satisfies(r -> assertThat(new EventCodec().decode(r.value()).eventId())
                .as("the refused envelope, as it was").isEqualTo(refused.eventId()));
        assertThat(task(organisation, "refused-1")).containsEntry("version", 2L);
        assertThat(count("select count(*) from sync.external_task_events where organisation_id = ? and idempotency_key = ?",
                organisation.value(), refused.idempotencyKey())).as("its idempotency key rolled back with it").isZero();
    }
}
