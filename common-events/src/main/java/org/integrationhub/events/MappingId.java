package org.integrationhub.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one external-user mapping.
 * On the wire it is the plain UUID string.
 */
public record MappingId(UUID value) {

    public MappingId {
        Objects.requireNonNull(value, "MappingId value is required");
    }

    /** Parses the UUID string form; throws IllegalArgumentException when it is not a UUID. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static MappingId of(String uuid) {
        return new MappingId(TypedIds.parseUuid("MappingId", uuid));
    }

    public static MappingId of(UUID uuid) {
        return new MappingId(uuid);
    }

    public static MappingId random() {
        return new MappingId(UUID.randomUUID());
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
