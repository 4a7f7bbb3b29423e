package org.integrationhub.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one connection of an organisation to an external system.
 * On the wire it is the plain UUID string.
 */
public record ConnectionId(UUID value) {

    public ConnectionId {
        Objects.requireNonNull(value, "ConnectionId value is required");
    }

    /** Parses the UUID string form; throws IllegalArgumentException when it is not a UUID. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ConnectionId of(String uuid) {
        return new ConnectionId(TypedIds.parseUuid("ConnectionId", uuid));
    }

    public static ConnectionId of(UUID uuid) {
        return new ConnectionId(uuid);
    }

    public static ConnectionId random() {
        return new ConnectionId(UUID.randomUUID());
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
