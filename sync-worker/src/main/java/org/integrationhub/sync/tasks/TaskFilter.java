package org.integrationhub.sync.tasks;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.support.web.InvalidField;

/**
 * The filters and page of a task listing ({@code mapped}: null for any task, true for tasks whose
 * assignee the mapping replica resolved to a resource, false for assigned tasks it did not), parsed from query parameters: an unreadable value is a
 * 400 naming its parameter ({@link InvalidField}), never a 500 or a silently ignored filter.
 */
record TaskFilter(UUID connectionId, ExternalSystem system, String status, String assignee, UUID resourceId, Instant updatedSince,
        boolean deleted, Boolean mapped, int page, int size) {

    static final int MAX_SIZE = 200;
    static final int MAX_PAGE = 1_000_000;

    static TaskFilter parse(String connectionId, String system, String status, String assignee, String resourceId,
            String updatedSince, String deleted, String mapped, String page, String size) {
        return new TaskFilter(uuid("connectionId", connectionId), system("system", system), text("status", status),
                text("assignee", assignee), uuid("resourceId", resourceId), instant("updatedSince", updatedSince),
                bool("deleted", deleted), optionalBool("mapped", mapped), number("page", page, 0, 0, MAX_PAGE),
                number("size", size, 50, 1, MAX_SIZE));
    }

    int offset() {
        return page * size;
    }

    private static UUID uuid(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidField(field, "must be a UUID");
        }
    }

    private static ExternalSystem system(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return ExternalSystem.fromWireName(value.trim());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidField(field, "must be jira, confluence, github or slack");
        }
    }

    private static String text(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > 254) {
            throw new InvalidField(field, "must be 1 to 254 characters");
        }
        return value.trim();
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidField(field, "must be an ISO-8601 instant such as 2026-11-23T10:15:30Z");
        }
    }

    /** Null when absent, else true or false (anything else is a 400 naming the field). */
    static Boolean optionalBool(String field, String value) {
        return value == null ? null : bool(field, value);
    }

    private static boolean bool(String field, String value) {
        if (value == null) {
            return false;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidField(field, "must be true or false");
        };
    }

    private static int number(String field, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidField(field, "must be a whole number from " + min + " to " + max);
    }
}
