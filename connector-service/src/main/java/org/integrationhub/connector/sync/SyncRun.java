package org.integrationhub.connector.sync;

import java.time.Instant;
import java.util.UUID;

/** One sync of one connection: queued by sync-now or the schedule, then reported on by the sync-worker. */
record SyncRun(UUID id, UUID connectionId, String trigger, String status, int pages, int itemsSeen, int itemsApplied, String error,
        Instant requestedAt, Instant startedAt, Instant finishedAt) {
}
