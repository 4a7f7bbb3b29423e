package org.integrationhub.events;

import java.util.Objects;

/**
 * Record key of the task topics: one external item of one organisation, written
 * "orgId:system:externalId" (e.g. "…:github:owner/repo#12"). The externalId may contain ':'.
 */
public record TaskKey(OrgId orgId, ExternalSystem system, String externalId) {

    public TaskKey {
        Objects.requireNonNull(orgId, "orgId is required");
        Objects.requireNonNull(system, "system is required");
        Objects.requireNonNull(externalId, "externalId is required");
        if (externalId.isEmpty()) {
            throw new IllegalArgumentException("externalId must not be empty");
        }
    }

    public String format() {
        return orgId + ":" + system.wireName() + ":" + externalId;
    }

    /** Reads "orgId:system:externalId", splitting on the first two colons only. */
    public static TaskKey parse(String raw) {
        String[] parts = KeyFormats.splitScoped("TaskKey", raw);
        return new TaskKey(OrgId.of(parts[0]), ExternalSystem.fromWireName(parts[1]), parts[2]);
    }

    @Override
    public String toString() {
        return format();
    }
}
