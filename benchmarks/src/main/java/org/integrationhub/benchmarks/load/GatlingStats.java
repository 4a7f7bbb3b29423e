package org.integrationhub.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Per-request statistics from the {@code js/stats.json} of a Gatling HTML report. */
public final class GatlingStats {

    /** One request name's figures; latencies in ms (Gatling's percentiles 1..4 are p50, p75, p95, p99). */
    public record Level(String name, long ok, long ko, double p50, double p95, double p99, double max) {
    }

    private GatlingStats() {
    }

    /** The newest report under {@code resultsFolder}, by request name. */
    public static Map<String, Level> read(Path resultsFolder) throws IOException {
        Path stats;
        try (Stream<Path> files = Files.walk(resultsFolder)) {
            stats = files.filter(p -> p.getFileName().toString().equals("stats.json") && p.getParent().getFileName().toString().equals("js"))
                    .max(Comparator.comparing(GatlingStats::modified))
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no js/stats.json under " + resultsFolder));
        }
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(stats));
        Map<String, Level> levels = new LinkedHashMap<>();
        collect(root.get("contents"), levels);
        return levels;
    }

    private static void collect(JsonNode contents, Map<String, Level> levels) {
        if (contents == null) {
            return;
        }
        for (JsonNode node : contents) {
            JsonNode stats = node.get("stats");
            if (stats != null) {
                levels.put(stats.get("name").asString(), new Level(stats.get("name").asString(),
                        stats.at("/numberOfRequests/ok").asLong(), stats.at("/numberOfRequests/ko").asLong(),
                        number(stats.at("/percentiles1/total")), number(stats.at("/percentiles3/total")),
                        number(stats.at("/percentiles4/total")), number(stats.at("/maxResponseTime/total"))));
            }
            collect(node.get("contents"), levels);
        }
    }

    private static double number(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Double.NaN;
        }
        return node.isNumber() ? node.asDouble() : parse(node.asString());
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
