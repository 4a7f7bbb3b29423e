package org.integrationhub.webhook.ingest;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ConnectionSnapshot;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.Topics;
import org.integrationhub.support.crypto.WebhookSecretSeal;
import org.integrationhub.support.kafka.EventPublisher;
import org.integrationhub.webhook.connections.ConnectionView;

/**
 * Plays connector-service's part in these tests: announces connections on
 * {@code integration.connections} exactly as it does (webhook secret sealed), and waits until the
 * service's view has caught up with each change.
 */
final class TestConnections {

    private static final AtomicLong REVISIONS = new AtomicLong(1);

    private final EventPublisher publisher;
    private final WebhookSecretSeal seal;
    private final ConnectionView view;

    TestConnections(EventPublisher publisher, WebhookSecretSeal seal, ConnectionView view) {
        this.publisher = publisher;
        this.seal = seal;
        this.view = view;
    }

    /** A connection the service knows: announced, and visible in its view. */
    record Known(ConnectionId id, OrgId orgId, ExternalSystem system, String authType, String secret) {
    }

    Known announce(ExternalSystem system, String authType, String webhookSecret) {
        Known known = new Known(ConnectionId.random(), OrgId.random(), system, authType, webhookSecret);
        publish(known, true);
        return known;
    }

    void disable(Known connection) {
        publish(connection, false);
    }

    void delete(Known connection) {
        publisher.tombstone(Topics.CONNECTIONS, connection.id()).block(Duration.ofSeconds(10));
        await("connection " + connection.id() + " gone from the view").atMost(Duration.ofSeconds(10))
                .until(() -> view.find(connection.id()).isEmpty());
    }

    private void publish(Known c, boolean enabled) {
        long revision = REVISIONS.incrementAndGet();
        var snapshot = new ConnectionSnapshot(c.id(), c.orgId(), c.system(), c.authType(), "Test " + c.system().wireName(),
                null, "active", enabled, false, List.of(), null, false,
                c.secret() == null ? null : seal.seal(c.id(), c.secret()), revision, Instant.now());
        var envelope = EventEnvelope.of(EventTypes.CONNECTION_SNAPSHOT, c.orgId(), "connection:" + c.id() + ":" + revision, snapshot,
                Clock.systemUTC());
        publisher.publish(Topics.CONNECTIONS, c.id(), envelope).block(Duration.ofSeconds(10));
        await("revision " + revision + " of connection " + c.id() + " in the view").atMost(Duration.ofSeconds(10))
                .until(() -> view.find(c.id()).filter(known -> known.revision() == revision).isPresent());
    }
}
