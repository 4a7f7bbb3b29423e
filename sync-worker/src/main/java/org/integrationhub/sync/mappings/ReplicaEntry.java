package org.integrationhub.sync.mappings;

import java.util.UUID;

/** One key of the user-mapping replica as stored: who the external user is and the resource, unless deleted. */
record ReplicaEntry(String messageKey, String externalEmail, String externalUserId, UUID resourceId, boolean deleted,
        int sourcePartition, long sourceOffset) {

    /** True when the record at this position is not newer than this entry (already applied, or older). */
    boolean isAtOrAfter(int partition, long offset) {
        return partition == sourcePartition && offset <= sourceOffset;
    }
}
