package org.integrationhub.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one sync run (a paging pass over a provider API).
 * On the wire it is the plain UUID string.
 */
public record SyncRunId(UUID value) {

    public SyncRunId {
        Objects.requireNonNull(value, "SyncRunId value is required");
    }

    /** Parses the UUID string form; throws IllegalArgumentException when it is not a UUID. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SyncRunId of(String uuid) {
        return new SyncRunId(TypedIds.parseUuid("SyncRunId", uuid));
    }

    public static SyncRunId of(UUID uuid) {
        return new SyncRunId(uuid);
    }

    public static SyncRunId random() {
        return new SyncRunId(UUID.randomUUID());
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
