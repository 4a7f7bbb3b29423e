package org.integrationhub.sync.apply;

import org.integrationhub.events.TaskObserved;
import org.integrationhub.sync.tasks.ExternalTask;

/**
 * What an observation does to the stored task, decided by the source version: the source updated
 * time first, then the content hash. Pure, so the rules are unit-tested without a database.
 */
record Verdict(Kind kind, String staleReason) {

    enum Kind {
        /** No stored task yet: store this version (a tombstone stores a deleted task). */
        CREATE,
        /** Newer with other content (or a newer live version of a deleted task): the next version. */
        UPDATE,
        /** A tombstone at least as new as the live stored version: mark the task deleted. */
        DELETE,
        /** Newer source time, same content: provenance moves on, no new version, no event. */
        SAME_CONTENT,
        /** The stored version already is this one (or the task is already deleted): nothing to do. */
        UNCHANGED,
        /** Older than the stored version: rejected and recorded. */
        STALE
    }

    static Verdict judge(ExternalTask stored, TaskObserved observed, String hash) {
        return judge(stored, observed, hash, false);
    }

    /**
     * As {@link #judge}, for a re-normalisation (ADR 0017): the observation comes from the current
     * normaliser, so at the same source version other content replaces the stored one instead of
     * going through the content-hash tiebreak. Older versions stay stale, equal content unchanged.
     */
    static Verdict rejudge(ExternalTask stored, TaskObserved observed, String hash) {
        return judge(stored, observed, hash, true);
    }

    private static Verdict judge(ExternalTask stored, TaskObserved observed, String hash, boolean renormalised) {
        if (stored == null) {
            return of(Kind.CREATE);
        }
        int byTime = observed.sourceUpdatedAt().compareTo(stored.sourceUpdatedAt());
        if (byTime < 0) {
            return stale("source version " + observed.sourceUpdatedAt() + " is older than the stored " + stored.sourceUpdatedAt());
        }
        if (observed.deleted()) {
            return stored.deleted() ? of(Kind.UNCHANGED) : of(Kind.DELETE);
        }
        if (stored.deleted()) {
            return byTime > 0 ? of(Kind.UPDATE)
                    : stale("the task was deleted at the same source version " + stored.sourceUpdatedAt());
        }
        if (hash.equals(stored.contentHash())) {
            return byTime > 0 ? of(Kind.SAME_CONTENT) : of(Kind.UNCHANGED);
        }
        if (byTime > 0 || renormalised || hash.compareTo(stored.contentHash()) > 0) {
            // same source time, other content: the higher hash wins, so every replica converges whatever the order
            return of(Kind.UPDATE);
        }
        return stale("same source version " + observed.sourceUpdatedAt() + " with other content lost the content-hash tiebreak");
    }

    private static Verdict of(Kind kind) {
        return new Verdict(kind, null);
    }

    private static Verdict stale(String reason) {
        return new Verdict(Kind.STALE, reason);
    }
}
