package org.integrationhub.sync.normalise;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Small, strict readers over provider JSON: absent and null read as null, never as "null". */
final class Json {

    /** Jira's timestamps: {@code 2026-11-22T10:15:30.123+0000}. */
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private Json() {
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String name : path) {
            if (current == null || current.isNull() || current.isMissingNode()) {
                return null;
            }
            current = current.get(name);
        }
        return current == null || current.isNull() || current.isMissingNode() ? null : current;
    }

    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null) {
            return null;
        }
        return value.isValueNode() ? value.asString() : null;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode element : array) {
                String value = field == null ? (element.isValueNode() ? element.asString() : null) : text(element, field);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** ISO-8601 with an offset (GitHub) or Jira's {@code +0000} form; null when absent. */
    static Instant time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notIso) {
            return OffsetDateTime.parse(value, JIRA_TIME).toInstant();
        }
    }
}
