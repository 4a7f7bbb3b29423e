package org.integrationhub.sync.fetch;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * How far a scope has been fetched: the highest source updated time seen, and the ids seen at
 * exactly that time. Providers filter by time inclusively (and Jira only to the minute), so a
 * query from the cursor returns some items again; {@link #seen} tells them apart.
 */
record Cursor(Instant updatedAt, Set<String> idsAtCursor) {

    static final Cursor START = new Cursor(Instant.EPOCH, Set.of());

    Cursor {
        idsAtCursor = Set.copyOf(idsAtCursor);
    }

    boolean seen(String id, Instant updated) {
        return updated.isBefore(updatedAt) || (updated.equals(updatedAt) && idsAtCursor.contains(id));
    }

    /** The cursor after {@code id} at {@code updated} was fetched. */
    Cursor advance(String id, Instant updated) {
        if (updated.isAfter(updatedAt)) {
            return new Cursor(updated, Set.of(id));
        }
        if (updated.equals(updatedAt)) {
            Set<String> ids = new HashSet<>(idsAtCursor);
            ids.add(id);
            return new Cursor(updatedAt, ids);
        }
        return this;
    }

    boolean isStart() {
        return updatedAt.equals(Instant.EPOCH);
    }
}
