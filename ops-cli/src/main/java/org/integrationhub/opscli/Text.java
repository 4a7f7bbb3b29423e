package org.integrationhub.opscli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Plain-text output: aligned columns, and JSON when asked for. */
final class Text {

    private Text() {
    }

    static void json(PrintWriter out, JsonNode data) {
        out.println(OpsApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(data));
    }

    /** A table of the given fields of each row, headed by the field names in upper case. */
    static void table(PrintWriter out, JsonNode rows, String... fields) {
        List<String[]> lines = new ArrayList<>();
        lines.add(java.util.Arrays.stream(fields).map(f -> f.toUpperCase(java.util.Locale.ROOT)).toArray(String[]::new));
        for (JsonNode row : rows) {
            lines.add(java.util.Arrays.stream(fields).map(f -> value(row.path(f))).toArray(String[]::new));
        }
        int[] widths = new int[fields.length];
        for (String[] line : lines) {
            for (int i = 0; i < fields.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < fields.length; i++) {
                text.append(i == fields.length - 1 ? line[i] : String.format("%-" + widths[i] + "s  ", line[i]));
            }
            out.println(text.toString().stripTrailing());
        }
    }

    /** The sum of one numeric field over the rows. */
    static long sum(JsonNode rows, String field) {
        long total = 0;
        for (JsonNode row : rows) {
            total += row.path(field).asLong();
        }
        return total;
    }

    /** A JSON object of the given fields, the nulls left out: a request body or a query. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return fields;
    }

    static String value(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "-" : node.isValueNode() ? node.asString() : node.toString();
    }
}
