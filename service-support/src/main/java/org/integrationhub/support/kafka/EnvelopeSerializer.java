package org.integrationhub.support.kafka;

import org.apache.kafka.common.serialization.Serializer;
import org.integrationhub.events.EventCodec;
import org.integrationhub.events.EventEnvelope;

/** Writes a record value as the JSON envelope of the wire contract; null stays null (a tombstone). */
public class EnvelopeSerializer implements Serializer<EventEnvelope<?>> {

    private final EventCodec codec = new EventCodec();

    @Override
    public byte[] serialize(String topic, EventEnvelope<?> envelope) {
        return envelope == null ? null : codec.encode(envelope);
    }
}
