package org.integrationhub.mapping.mappings;

import java.time.Instant;
import java.util.UUID;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.UserMappingKey;

/** One stored mapping: an external account of one system, in one organisation, stands for one resource. */
record Mapping(UUID id, OrgId orgId, ExternalSystem system, String externalEmail, String externalUserId, UUID resourceId,
        long version, Instant createdAt, Instant updatedAt) {

    /**
     * The key of this mapping on the compacted {@code mapping.user-mappings} topic: the external
     * user id when there is one (it never changes for an account), else the email.
     */
    UserMappingKey topicKey() {
        return new UserMappingKey(orgId, system, externalUserId != null ? externalUserId : "email:" + externalEmail);
    }
}
