package org.integrationhub.opscli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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

    static String value(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "-" : node.isValueNode() ? node.asString() : node.toString();
    }
}
