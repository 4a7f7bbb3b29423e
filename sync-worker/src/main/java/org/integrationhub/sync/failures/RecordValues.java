package org.integrationhub.sync.failures;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventType;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Reads a record's value as the listeners' {@code ErrorHandlingDeserializer} left it. An
 * undecodable value arrives as null with the failure in a header: it is poison, and must never be
 * taken for a tombstone (which would delete what the key names).
 */
public final class RecordValues {

    private static final LogAccessor LOG = new LogAccessor(RecordValues.class);

    private RecordValues() {
    }

    /** The envelope, or null for a real tombstone; {@link PoisonRecord} when the value could not be decoded. */
    public static EventEnvelope<?> envelopeOrTombstone(ConsumerRecord<String, EventEnvelope<?>> record) {
        var undecodable = SerializationUtils.getExceptionFromHeader(record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        if (undecodable != null) {
            // the cause's message may quote the value: name only its type
            throw new PoisonRecord("undecodable value ("
                    + (undecodable.getCause() == null ? "unknown" : undecodable.getCause().getClass().getSimpleName()) + ")", undecodable);
        }
        return record.value();
    }

    /** The envelope, which must be of {@code type}; {@link PoisonRecord} otherwise (also for a tombstone). */
    public static <T> EventEnvelope<T> envelope(ConsumerRecord<String, EventEnvelope<?>> record, EventType<T> type) {
        EventEnvelope<?> envelope = envelopeOrTombstone(record);
        if (envelope == null || !type.name().equals(envelope.type())) {
            throw new PoisonRecord("not a " + type.name() + ": " + (envelope == null ? "null value" : envelope.type()), null);
        }
        try {
            envelope.payloadAs(type);
        } catch (IllegalStateException mismatched) {
            throw new PoisonRecord(mismatched.getMessage(), null);
        }
        @SuppressWarnings("unchecked")
        EventEnvelope<T> typed = (EventEnvelope<T>) envelope;
        return typed;
    }
}
