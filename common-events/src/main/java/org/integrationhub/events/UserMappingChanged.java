package org.integrationhub.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An external user (by e-mail and/or external user id) now maps to an internal resource.
 * {@code externalEmail} and {@code externalUserId} are nullable but not both null;
 * {@code resourceId} is null when the mapping was removed.
 */
public record UserMappingChanged(
        MappingId mappingId,
        ExternalSystem system,
        String externalEmail,
        String externalUserId,
        ResourceId resourceId,
        Instant changedAt) {

    public UserMappingChanged {
        Objects.requireNonNull(mappingId, "mappingId is required");
        Objects.requireNonNull(system, "system is required");
        Objects.requireNonNull(changedAt, "changedAt is required");
        if (externalEmail == null && externalUserId == null) {
            throw new IllegalArgumentException("a user mapping needs an externalEmail or an externalUserId");
        }
    }
}
