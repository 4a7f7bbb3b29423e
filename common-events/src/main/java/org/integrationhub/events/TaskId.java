package org.integrationhub.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one external task as stored by sync-worker.
 * On the wire it is the plain UUID string.
 */
public record TaskId(UUID value) {

    public TaskId {
        Objects.requireNonNull(value, "TaskId value is required");
    }

    /** Parses the UUID string form; throws IllegalArgumentException when it is not a UUID. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TaskId of(String uuid) {
        return new TaskId(TypedIds.parseUuid("TaskId", uuid));
    }

    public static TaskId of(UUID uuid) {
        return new TaskId(uuid);
    }

    public static TaskId random() {
        return new TaskId(UUID.randomUUID());
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
