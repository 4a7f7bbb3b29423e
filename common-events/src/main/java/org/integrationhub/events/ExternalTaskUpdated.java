package org.integrationhub.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Objects;

/**
 * Domain event: an external task was created, updated or deleted in the hub (leaves through the
 * outbox). Nullable: {@code key}, {@code title}, {@code status}, {@code previousStatus} (null on
 * creation), {@code assignee}, {@code resourceId} (null when the assignee maps to no resource).
 * {@code version} grows with every applied change of the task.
 */
public record ExternalTaskUpdated(
        TaskId taskId,
        ConnectionId connectionId,
        ExternalSystem system,
        String externalId,
        String key,
        String title,
        String status,
        String previousStatus,
        Change change,
        Person assignee,
        ResourceId resourceId,
        TaskObserved.Source source,
        Instant sourceUpdatedAt,
        long version) {

    public ExternalTaskUpdated {
        Objects.requireNonNull(taskId, "taskId is required");
        Objects.requireNonNull(connectionId, "connectionId is required");
        Objects.requireNonNull(system, "system is required");
        Objects.requireNonNull(externalId, "externalId is required");
        Objects.requireNonNull(change, "change is required");
        Objects.requireNonNull(source, "source is required");
        Objects.requireNonNull(sourceUpdatedAt, "sourceUpdatedAt is required");
    }

    /** What happened to the task; lower-case on the wire. */
    public enum Change {
        CREATED, UPDATED, DELETED;

        @JsonValue
        public String wireName() {
            return WireNames.of(this);
        }

        @JsonCreator
        public static Change fromWireName(String wireName) {
            return WireNames.parse(Change.class, wireName);
        }
    }
}
