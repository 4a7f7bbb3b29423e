package org.integrationhub.events;

import java.util.Objects;

/**
 * One kind of event on the wire: its logical name (never a Java class name), its schema version
 * and the payload record it carries. The catalogue lives in {@link EventTypes}.
 */
public record EventType<T>(String name, int schemaVersion, Class<T> payloadType) {

    public EventType {
        Objects.requireNonNull(name, "event type name is required");
        Objects.requireNonNull(payloadType, "event type payloadType is required");
        if (name.isBlank()) {
            throw new IllegalArgumentException("event type name must not be blank");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1, got " + schemaVersion + " for " + name);
        }
    }

    @Override
    public String toString() {
        return name + "/v" + schemaVersion;
    }
}
