package org.integrationhub.events;

import java.util.UUID;

/** Shared parsing for the typed id records, so every id fails the same, readable way. */
final class TypedIds {

    private TypedIds() {
    }

    /** Accepts only the canonical 36-character UUID form (any case). */
    static UUID parseUuid(String idType, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException(idType + " must be a UUID string, got " + (raw == null ? "null" : "a blank string"));
        }
        try {
            UUID uuid = UUID.fromString(raw);
            if (uuid.toString().equalsIgnoreCase(raw)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the offending value
        }
        throw new IllegalArgumentException(idType + " must be a canonical UUID string, got '" + raw + "'");
    }
}
