package org.integrationhub.sync.fetch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.Topics;
import org.integrationhub.sync.failures.ConsumerSettings;
import org.integrationhub.sync.failures.PoisonRecord;
import org.integrationhub.sync.failures.RecordValues;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link ConnectionReplica} current from the compacted {@code integration.connections} topic. */
@Component
class ConnectionReplicaListener {

    static final String ID = "connection-replica";

    private final ConnectionReplica replica;
    private final ConsumerSettings settings;

    ConnectionReplicaListener(ConnectionReplica replica, ConsumerSettings settings) {
        this.replica = replica;
        this.settings = settings;
    }

    @KafkaListener(id = ID, idIsGroup = false, groupId = "sync-worker.connections",
            topics = "#{T(org.integrationhub.events.Topics).CONNECTIONS.name()}")
    void onConnection(ConsumerRecord<String, EventEnvelope<?>> record) {
        ConnectionId id;
        try {
            id = Topics.CONNECTIONS.keys().parse(record.key());
        } catch (RuntimeException unreadable) {
            throw new PoisonRecord("record key is not a connection id", unreadable);
        }
        EventEnvelope<?> envelope = RecordValues.envelopeOrTombstone(record);
        if (envelope == null) {
            replica.delete(id).block(settings.transactionTimeout());
            return;
        }
        if (!EventTypes.CONNECTION_SNAPSHOT.name().equals(envelope.type())) {
            throw new PoisonRecord("not a connection snapshot: " + envelope.type(), null);
        }
        var snapshot = envelope.payloadAs(EventTypes.CONNECTION_SNAPSHOT);
        if (!snapshot.connectionId().equals(id) || !snapshot.orgId().equals(envelope.orgId())) {
            throw new PoisonRecord("the snapshot does not belong to its key's connection and organisation", null);
        }
        replica.store(snapshot).block(settings.transactionTimeout());
    }
}
