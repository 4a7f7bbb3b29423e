package org.integrationhub.support.kafka;

import org.apache.kafka.common.serialization.Deserializer;
import org.integrationhub.events.EventCodec;
import org.integrationhub.events.EventEnvelope;

/**
 * Reads a record value as the JSON envelope of the wire contract; null stays null (a tombstone).
 * An undecodable value throws, so that the consumer's error handler can dead-letter it.
 */
public class EnvelopeDeserializer implements Deserializer<EventEnvelope<?>> {

    private final EventCodec codec = new EventCodec();

    @Override
    public EventEnvelope<?> deserialize(String topic, byte[] data) {
        return data == null ? null : codec.decode(data);
    }
}
