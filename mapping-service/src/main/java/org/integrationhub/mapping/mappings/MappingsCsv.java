package org.integrationhub.mapping.mappings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a CSV file of mappings: a header line naming the columns (any order, any case:
 * {@code system} or {@code externalSystem}, {@code externalUserId}, {@code externalEmail},
 * {@code resourceId}; the last is required, one of the two account columns too), then one mapping
 * a line. Fields may be quoted ({@code "a, b"}, {@code ""} for a quote) but not span lines; blank
 * lines are skipped. A row keeps its line number (the header is line 1) for the answer.
 */
final class MappingsCsv {

    static final String SYSTEM = "externalSystem";
    static final String USER_ID = "externalUserId";
    static final String EMAIL = "externalEmail";
    static final String RESOURCE = "resourceId";
    private static final Map<String, String> COLUMNS = Map.of("system", SYSTEM, "externalsystem", SYSTEM, "externaluserid", USER_ID,
            "externalemail", EMAIL, "resourceid", RESOURCE);

    /** One line of the file: its number, its fields by column, and what could not be read. */
    record Row(int line, Map<String, String> fields, String unreadable) {

        MappingsController.MappingRequest request() {
            UUID resource;
            try {
                resource = blank(fields.get(RESOURCE)) ? null : UUID.fromString(fields.get(RESOURCE).trim());
            } catch (IllegalArgumentException notAUuid) {
                resource = null;
            }
            return new MappingsController.MappingRequest(trimmed(fields.get(SYSTEM)), trimmed(fields.get(EMAIL)),
                    trimmed(fields.get(USER_ID)), resource);
        }

        /** The resource id is there but is no UUID (validation would only say it is missing). */
        boolean resourceIdUnreadable() {
            return !blank(fields.get(RESOURCE)) && request().resourceId() == null;
        }
    }

    /** The file as a whole cannot be read: no header, an unknown column, too many rows. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private MappingsCsv() {
    }

    static List<Row> read(String text, int maxRows) {
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.length) {
            throw new Unreadable("The file is empty. Its first line names the columns: system,externalUserId,externalEmail,resourceId.");
        }
        List<String> header = new ArrayList<>();
        for (String name : split(lines[headerLine])) {
            String column = COLUMNS.get(name.trim().toLowerCase(Locale.ROOT));
            if (column == null || header.contains(column)) {
                throw new Unreadable("Line " + (headerLine + 1) + " names the column \"" + name.trim() + "\" "
                        + (column == null ? "which is not known" : "twice") + ". Known columns: system, externalUserId, externalEmail, resourceId.");
            }
            header.add(column);
        }
        if (!header.contains(SYSTEM) || !header.contains(RESOURCE) || !(header.contains(EMAIL) || header.contains(USER_ID))) {
            throw new Unreadable("The header line needs the columns system and resourceId, and externalUserId or externalEmail.");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (rows.size() == maxRows) {
                throw new Unreadable("The file has more than " + maxRows + " mappings; split it into smaller files.");
            }
            rows.add(row(i + 1, header, lines[i]));
        }
        if (rows.isEmpty()) {
            throw new Unreadable("The file has a header line but no mappings.");
        }
        return rows;
    }

    private static Row row(int line, List<String> header, String text) {
        List<String> values;
        try {
            values = split(text);
        } catch (Unreadable unbalanced) {
            return new Row(line, Map.of(), unbalanced.getMessage());
        }
        if (values.size() != header.size()) {
            return new Row(line, Map.of(), "has " + values.size() + " fields; the header names " + header.size());
        }
        Map<String, String> fields = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            fields.put(header.get(c), values.get(c));
        }
        return new Row(line, fields, null);
    }

    /** The fields of one line, RFC 4180 quoting. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new Unreadable("has a quote that is never closed");
        }
        fields.add(field.toString());
        return fields;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }
}
