package org.integrationhub.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Objects;

/** A command-like event: page through one connection's provider API now. All fields are required. */
public record SyncRequested(
        ConnectionId connectionId,
        SyncRunId syncRunId,
        ExternalSystem system,
        Trigger trigger,
        boolean fullResync,
        Instant requestedAt) {

    public SyncRequested {
        Objects.requireNonNull(connectionId, "connectionId is required");
        Objects.requireNonNull(syncRunId, "syncRunId is required");
        Objects.requireNonNull(system, "system is required");
        Objects.requireNonNull(trigger, "trigger is required");
        Objects.requireNonNull(requestedAt, "requestedAt is required");
    }

    /** What asked for the sync; lower-case on the wire. */
    public enum Trigger {
        MANUAL, SCHEDULE, REPLAY;

        @JsonValue
        public String wireName() {
            return WireNames.of(this);
        }

        @JsonCreator
        public static Trigger fromWireName(String wireName) {
            return WireNames.parse(Trigger.class, wireName);
        }
    }
}
