package org.integrationhub.webhook.connections;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.integrationhub.events.ConnectionId;

/**
 * The connections webhook-ingest knows, materialised from the compacted
 * {@code integration.connections} topic by {@link ConnectionViewLoader}. It answers from memory,
 * so deliveries keep being accepted while connector-service is down. Until the loader has read the
 * topic up to where it ended at start-up, the view is not {@link #isCaughtUp() caught up}: an
 * unknown connection may then simply not be read yet.
 */
public class ConnectionView {

    private final Map<ConnectionId, KnownConnection> connections = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;

    public Optional<KnownConnection> find(ConnectionId id) {
        return Optional.ofNullable(connections.get(id));
    }

    public boolean isCaughtUp() {
        return caughtUp;
    }

    public int size() {
        return connections.size();
    }

    /** Keeps the newer of what is known and {@code connection} (by revision), so a stale snapshot never wins. */
    void put(KnownConnection connection) {
        connections.merge(connection.id(), connection, (known, incoming) -> incoming.revision() >= known.revision() ? incoming : known);
    }

    void remove(ConnectionId id) {
        connections.remove(id);
    }

    void markCaughtUp() {
        caughtUp = true;
    }
}
