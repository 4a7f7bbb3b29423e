package org.integrationhub.sync.ops;

import java.time.Instant;
import java.util.UUID;
import org.integrationhub.support.web.InvalidField;

/**
 * A slice of {@code integration.task-observations} to apply again: a time window ({@code from}
 * inclusive, {@code to} exclusive; open ends mean the first record and the end at the start of the
 * replay), or one partition's offset range ({@code fromOffset} and {@code toOffset} inclusive);
 * optionally only one organisation's or one connection's observations.
 */
record ReplayRequest(Instant from, Instant to, Integer partition, Long fromOffset, Long toOffset, UUID organisationId,
        UUID connectionId) {

    ReplayRequest validated() {
        boolean byOffsets = partition != null || fromOffset != null || toOffset != null;
        if (byOffsets && (from != null || to != null)) {
            throw new InvalidField("from", "give a time window or an offset range, not both");
        }
        if (byOffsets && (partition == null || partition < 0 || fromOffset == null || fromOffset < 0 || toOffset == null
                || toOffset < fromOffset)) {
            throw new InvalidField("fromOffset", "an offset range needs partition, fromOffset and toOffset (toOffset >= fromOffset >= 0)");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidField("to", "must be after from");
        }
        return this;
    }

    boolean byOffsets() {
        return partition != null;
    }
}
