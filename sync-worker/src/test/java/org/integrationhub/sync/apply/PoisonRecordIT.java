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
import org.integrationhub.events.Topics;
import org.integrationhub.sync.SyncWorkerTest;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;

/** A record that cannot be decoded goes to the dead-letter topic, and the records behind it still apply. */
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
}
