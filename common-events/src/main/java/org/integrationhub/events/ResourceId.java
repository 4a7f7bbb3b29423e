package org.integrationhub.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one internal resource (a person work can be assigned to).
 * On the wire it is the plain UUID string.
 */
public record ResourceId(UUID value) {

    public ResourceId {
        Objects.requireNonNull(value, "ResourceId value is required");
    }

    /** Parses the UUID string form; throws IllegalArgumentException when it is not a UUID. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ResourceId of(String uuid) {
        return new ResourceId(TypedIds.parseUuid("ResourceId", uuid));
    }

    public static ResourceId of(UUID uuid) {
        return new ResourceId(uuid);
    }

    public static ResourceId random() {
        return new ResourceId(UUID.randomUUID());
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
