package org.integrationhub.sync.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.integrationhub.sync.failures.ConsumerFailurePolicy;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * One record of a {@code -dlt} topic, as spring-kafka's {@code DeadLetterPublishingRecoverer} wrote
 * it: where it came from ({@code kafka_dlt-original-*} headers), why it failed (the innermost
 * cause the failure policy adds, else {@code kafka_dlt-exception-*}), and its original key and
 * value bytes.
 */
record DeadLetter(Position position, String key, String originalTopic, Integer originalPartition, Long originalOffset,
        Instant originalTimestamp, String consumerGroup, Instant deadLetteredAt, String exception, String reason, String redrivenFrom, byte[] value) {

    /** Where a dead letter sits: its {@code -dlt} topic, partition and offset. */
    record Position(String topic, int partition, long offset) {

        @Override
        public String toString() {
            return topic + "/" + partition + "/" + offset;
        }
    }

    static DeadLetter of(ConsumerRecord<String, byte[]> record) {
        Headers h = record.headers();
        Long originalMillis = longOf(h.lastHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP));
        String rootClass = textOf(h.lastHeader(ConsumerFailurePolicy.ROOT_CAUSE_CLASS_HEADER));
        String rootMessage = textOf(h.lastHeader(ConsumerFailurePolicy.ROOT_CAUSE_MESSAGE_HEADER));
        return new DeadLetter(new Position(record.topic(), record.partition(), record.offset()), record.key(),
                textOf(h.lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)), intOf(h.lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)),
                longOf(h.lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)),
                originalMillis == null ? null : Instant.ofEpochMilli(originalMillis),
                textOf(h.lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)), Instant.ofEpochMilli(record.timestamp()),
                rootClass != null ? rootClass : textOf(h.lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN)),
                rootMessage != null ? rootMessage : textOf(h.lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)),
                textOf(h.lastHeader(DeadLetterTopics.REDRIVEN_FROM)), record.value());
    }

    /** The value as UTF-8 text (operators only: it may hold provider data), or null for a tombstone. */
    String valueText() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static String textOf(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer intOf(Header header) {
        return header == null || header.value() == null || header.value().length != Integer.BYTES ? null
                : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longOf(Header header) {
        return header == null || header.value() == null || header.value().length != Long.BYTES ? null
                : ByteBuffer.wrap(header.value()).getLong();
    }
}
