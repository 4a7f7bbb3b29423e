package org.integrationhub.connector.connections;

import java.time.Clock;
import java.util.UUID;
import org.integrationhub.events.ConnectionSnapshot;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.Topics;
import org.integrationhub.support.outbox.Outbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Announces every change of a connection on the compacted {@code integration.connections} topic
 * through the outbox (in the caller's transaction), and a tombstone on delete. A snapshot never
 * carries a credential.
 */
@Component
class ConnectionSnapshots {

    private static final String AGGREGATE = "connection";

    private final Outbox outbox;
    private final Clock clock;

    ConnectionSnapshots(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    Mono<Void> announce(Connection c) {
        var snapshot = new ConnectionSnapshot(c.id(), c.orgId(), c.type(), c.authType(), c.displayName(), c.baseUrl(), c.status(),
                c.enabled(), c.primary(), c.projectKeys(), c.jqlFilter(), c.pollingEnabled(), c.revision(), c.updatedAt());
        var envelope = EventEnvelope.of(UUID.randomUUID(), EventTypes.CONNECTION_SNAPSHOT, c.orgId(),
                "connection:" + c.id() + ":" + c.revision(), snapshot, clock);
        return outbox.add(Topics.CONNECTIONS, c.id(), envelope, AGGREGATE, c.id().toString());
    }

    Mono<Void> retire(Connection c) {
        return outbox.addTombstone(Topics.CONNECTIONS, c.id(), UUID.randomUUID(), AGGREGATE, c.id().toString());
    }
}
