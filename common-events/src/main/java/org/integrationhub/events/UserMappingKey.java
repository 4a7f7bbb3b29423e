package org.integrationhub.events;

import java.util.Objects;

/**
 * Record key of the user-mapping topic: one external user of one organisation, written
 * "orgId:system:externalKey" (the external user id or e-mail). The externalKey may contain ':'.
 */
public record UserMappingKey(OrgId orgId, ExternalSystem system, String externalKey) {

    public UserMappingKey {
        Objects.requireNonNull(orgId, "orgId is required");
        Objects.requireNonNull(system, "system is required");
        Objects.requireNonNull(externalKey, "externalKey is required");
        if (externalKey.isEmpty()) {
            throw new IllegalArgumentException("externalKey must not be empty");
        }
    }

    public String format() {
        return orgId + ":" + system.wireName() + ":" + externalKey;
    }

    /** Reads "orgId:system:externalKey", splitting on the first two colons only. */
    public static UserMappingKey parse(String raw) {
        String[] parts = KeyFormats.splitScoped("UserMappingKey", raw);
        return new UserMappingKey(OrgId.of(parts[0]), ExternalSystem.fromWireName(parts[1]), parts[2]);
    }

    @Override
    public String toString() {
        return format();
    }
}
