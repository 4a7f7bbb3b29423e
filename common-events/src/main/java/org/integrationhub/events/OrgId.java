package org.integrationhub.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an organisation (tenant).
 * On the wire it is the plain UUID string.
 */
public record OrgId(UUID value) {

    public OrgId {
        Objects.requireNonNull(value, "OrgId value is required");
    }

    /** Parses the UUID string form; throws IllegalArgumentException when it is not a UUID. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OrgId of(String uuid) {
        return new OrgId(TypedIds.parseUuid("OrgId", uuid));
    }

    public static OrgId of(UUID uuid) {
        return new OrgId(uuid);
    }

    public static OrgId random() {
        return new OrgId(UUID.randomUUID());
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
