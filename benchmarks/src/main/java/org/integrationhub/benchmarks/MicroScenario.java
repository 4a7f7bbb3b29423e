package org.integrationhub.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.integrationhub.benchmarks.micro.HotPathBenchmarks;
import org.integrationhub.benchmarks.report.Report;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** JMH over the hot code, one forked JVM, before the devstack starts (so nothing else competes for the cores). */
final class MicroScenario {

    /** Each measured benchmark and the ceiling it is compared with. */
    private static final Map<String, String> CEILINGS = Map.of("verifyJiraSignature", "ceilingBareHmac", "verifyGitHubSignature",
            "ceilingBareHmac", "normaliseJiraDelivery", "ceilingParseBody", "encodeEnvelope", "ceilingWritePayload", "decodeEnvelope",
            "ceilingParseEnvelope");

    private MicroScenario() {
    }

    static void run(BenchSettings settings, Report report) throws Exception {
        var options = new OptionsBuilder().include(HotPathBenchmarks.class.getName()).forks(1)
                .warmupIterations(settings.jmhWarmups()).warmupTime(TimeValue.milliseconds(settings.jmhIteration().toMillis()))
                .measurementIterations(settings.jmhIterations()).measurementTime(TimeValue.milliseconds(settings.jmhIteration().toMillis()))
                .threads(1).timeUnit(TimeUnit.SECONDS).jvmArgsAppend("-Xmx512m")
                .result(settings.out().resolve("jmh.json").toString()).resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            scores.put(name, new double[] {result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()});
        }
        List<List<String>> rows = new ArrayList<>();
        for (var entry : CEILINGS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            double[] ours = scores.get(entry.getKey());
            double[] ceiling = scores.get(entry.getValue());
            if (ours == null || ceiling == null) {
                continue;
            }
            rows.add(List.of(entry.getKey(), String.format(Locale.ROOT, "%,.0f ± %,.0f", ours[0], ours[1]),
                    String.format(Locale.ROOT, "%.2f", 1e6 / ours[0]), entry.getValue() + " " + String.format(Locale.ROOT, "%,.0f", ceiling[0]),
                    Report.pct(ours[0] / ceiling[0])));
        }
        report.table(new Report.Table("Micro-benchmarks (JMH, one thread)", List.of("benchmark", "ops/s (99.9% CI)", "µs/op",
                "ceiling ops/s", "ratio"), rows, String.format(Locale.ROOT, "JMH 1 fork, %d warm-up and %d measured iterations of %d ms, "
                        + "run before the devstack starts. Body: a 1.5 KB Jira `jira:issue_created` delivery.", settings.jmhWarmups(),
                        settings.jmhIterations(), settings.jmhIteration().toMillis())));
        report.raw("jmh", scores);
    }
}
