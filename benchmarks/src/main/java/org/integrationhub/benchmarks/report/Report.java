package org.integrationhub.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.integrationhub.benchmarks.stack.ResourceSampler;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every figure of one run: the scenario table (ours, the ceiling measured in the same run, the
 * ratio, the target and whether it was met), the growth tables, resource use per phase, the
 * micro-benchmarks, the machine and the versions. Written as {@code report.md} and {@code report.json}.
 */
public final class Report {

    /** One scenario line. {@code met} is null when the scenario has no target ("reported"). */
    public record Scenario(String name, String measure, double ours, String unit, Double ceiling, String ceilingWhat, Double ratio,
            String target, Boolean met, String note) {
    }

    /** A small table: how a figure grows with load, or the micro-benchmarks. */
    public record Table(String title, List<String> columns, List<List<String>> rows, String note) {
    }

    private final Map<String, Object> run = new LinkedHashMap<>();
    private final Map<String, String> machine = new LinkedHashMap<>();
    private final Map<String, String> versions = new LinkedHashMap<>();
    private final List<Scenario> scenarios = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<ResourceSampler.Phase> phases = new ArrayList<>();
    private final List<String> bottlenecks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> raw = new LinkedHashMap<>();

    public Map<String, Object> run() {
        return run;
    }

    public Map<String, String> machine() {
        return machine;
    }

    public Map<String, String> versions() {
        return versions;
    }

    public void scenario(Scenario scenario) {
        scenarios.add(scenario);
        System.out.println(line(scenario));
    }

    public void table(Table table) {
        tables.add(table);
    }

    public void phase(ResourceSampler.Phase phase) {
        phases.add(phase);
    }

    public void bottleneck(String text) {
        bottlenecks.add(text);
    }

    public void note(String text) {
        notes.add(text);
        System.out.println("NOTE: " + text);
    }

    /** Any further figure, kept in the JSON only. */
    public void raw(String key, Object value) {
        raw.put(key, value);
    }

    public List<Scenario> scenarios() {
        return List.copyOf(scenarios);
    }

    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run);
        json.put("machine", machine);
        json.put("versions", versions);
        json.put("scenarios", scenarios);
        json.put("tables", tables);
        json.put("resources", phases);
        json.put("bottlenecks", bottlenecks);
        json.put("notes", notes);
        json.put("raw", raw);
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(directory.resolve("report.json"), mapper.writeValueAsString(json));
        Files.writeString(directory.resolve("report.md"), markdown());
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# Benchmark report\n\n");
        run.forEach((k, v) -> md.append("- **").append(k).append(":** ").append(v).append('\n'));
        md.append("\n## Machine and versions\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        versions.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Scenarios\n\n| scenario | measure | ours | ceiling in the same run | ratio | target | met? |\n|---|---|---|---|---|---|---|\n");
        for (Scenario s : scenarios) {
            md.append("| ").append(s.name()).append(" | ").append(s.measure()).append(" | ").append(fmt(s.ours())).append(' ').append(s.unit())
                    .append(" | ").append(s.ceiling() == null ? "—" : fmt(s.ceiling()) + " " + s.unit() + " (" + s.ceilingWhat() + ")")
                    .append(" | ").append(s.ratio() == null ? "—" : pct(s.ratio()))
                    .append(" | ").append(s.target()).append(" | ").append(verdict(s.met())).append(" |\n");
        }
        md.append('\n');
        for (Scenario s : scenarios) {
            if (s.note() != null && !s.note().isBlank()) {
                md.append("- **").append(s.name()).append(":** ").append(s.note()).append('\n');
            }
        }
        for (Table t : tables) {
            md.append("\n## ").append(t.title()).append("\n\n| ").append(String.join(" | ", t.columns())).append(" |\n|")
                    .append("---|".repeat(t.columns().size())).append('\n');
            t.rows().forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
            if (t.note() != null) {
                md.append('\n').append(t.note()).append('\n');
            }
        }
        md.append("\n## Resources under load\n\nPeak heap in use and peak resident set of each process, CPU seconds it used in the phase, "
                + "and how busy the whole machine was.\n");
        for (ResourceSampler.Phase phase : phases) {
            md.append("\n### ").append(phase.name()).append(String.format(Locale.ROOT, " (%.0f s, machine %.0f%% busy over %d cores)%n%n",
                    phase.seconds(), phase.machineBusy() * 100, Runtime.getRuntime().availableProcessors()));
            md.append("| process | peak heap MB | peak RSS MB | CPU s | cores used |\n|---|---|---|---|---|\n");
            for (ResourceSampler.Usage u : phase.usage()) {
                md.append("| ").append(u.process()).append(" | ").append(mb(u.peakHeapBytes())).append(" | ").append(mb(u.peakRssBytes()))
                        .append(" | ").append(String.format(Locale.ROOT, "%.1f", u.cpuSeconds())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", u.cpuSeconds() / Math.max(phase.seconds(), 0.001))).append(" |\n");
            }
        }
        if (!bottlenecks.isEmpty()) {
            md.append("\n## First bottleneck per stage\n\n");
            bottlenecks.forEach(b -> md.append("- ").append(b).append('\n'));
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    public static String line(Scenario s) {
        return String.format(Locale.ROOT, "%-34s %-38s ours %12s %-6s ceiling %12s  ratio %7s  target %-24s %s", s.name(), s.measure(),
                fmt(s.ours()), s.unit(), s.ceiling() == null ? "—" : fmt(s.ceiling()), s.ratio() == null ? "—" : pct(s.ratio()),
                s.target(), verdict(s.met()));
    }

    private static String verdict(Boolean met) {
        return met == null ? "reported" : met ? "met" : "**MISSED**";
    }

    public static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    public static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "—" : String.valueOf(bytes / (1024 * 1024));
    }
}
