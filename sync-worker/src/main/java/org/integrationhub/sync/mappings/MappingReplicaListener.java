package org.integrationhub.sync.mappings;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.UserMappingChanged;
import org.integrationhub.events.UserMappingKey;
import org.integrationhub.sync.failures.ConsumerSettings;
import org.integrationhub.sync.failures.PoisonRecord;
import org.integrationhub.sync.failures.RecordValues;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the compacted {@code mapping.user-mappings} topic record by record (offset order per
 * key), into the replica. A record returns only after its transaction committed; failures go to
 * the one failure policy (database down: retried forever; poison: dead-lettered).
 */
@Component
class MappingReplicaListener {

    static final String ID = "user-mapping-replica";

    private final MappingReplica replica;
    private final ConsumerSettings settings;

    MappingReplicaListener(MappingReplica replica, ConsumerSettings settings) {
        this.replica = replica;
        this.settings = settings;
    }

    @KafkaListener(id = ID, idIsGroup = false, groupId = "sync-worker.user-mappings",
            topics = "#{T(org.integrationhub.events.Topics).USER_MAPPINGS.name()}")
    void onMapping(ConsumerRecord<String, EventEnvelope<?>> record) {
        UserMappingKey key = keyOf(record);
        replica.apply(key, record.partition(), record.offset(), payloadOf(record, key)).block(settings.transactionTimeout());
    }

    private static UserMappingKey keyOf(ConsumerRecord<String, EventEnvelope<?>> record) {
        try {
            return UserMappingKey.parse(record.key());
        } catch (RuntimeException unreadable) {
            throw new PoisonRecord("record key is not a user mapping key", unreadable);
        }
    }

    /** The mapping, or null for a tombstone (the mapping was deleted). */
    private static UserMappingChanged payloadOf(ConsumerRecord<String, EventEnvelope<?>> record, UserMappingKey key) {
        EventEnvelope<?> envelope = RecordValues.envelopeOrTombstone(record);
        if (envelope == null) {
            return null;
        }
        if (!EventTypes.USER_MAPPING_CHANGED.name().equals(envelope.type()) || !envelope.orgId().equals(key.orgId())) {
            throw new PoisonRecord("not a user mapping of the key's organisation", null);
        }
        UserMappingChanged changed = envelope.payloadAs(EventTypes.USER_MAPPING_CHANGED);
        if (changed.system() != key.system()) {
            throw new PoisonRecord("the mapping's system does not match its key", null);
        }
        return changed;
    }
}
