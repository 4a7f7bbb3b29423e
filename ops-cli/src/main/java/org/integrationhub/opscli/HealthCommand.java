package org.integrationhub.opscli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code hub-ops health}: each stage's rate and last error, the lag, the dead letters and the syncs running. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Records per second and last error per stage, lag, dead-letter counts, syncs running.")
final class HealthCommand implements Callable<Integer> {

    @Mixin
    ApiOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonNode health = options.api(spec).get("health", Map.of());
        var out = spec.commandLine().getOut();
        if (options.json) {
            Text.json(out, health);
            return ExitCodes.OK;
        }
        Text.table(out, health.path("stages"), "stage", "records", "recordsPerSecond", "lastErrorAt", "lastError");
        out.println();
        if (health.path("kafkaUnreadable").isString()) {
            out.println("lag and dead letters unknown: " + health.path("kafkaUnreadable").asString());
        } else {
            long lag = 0;
            for (JsonNode partition : health.path("lag")) {
                lag += partition.path("lag").asLong();
            }
            out.println("total lag " + lag + " record(s)");
            Text.table(out, health.path("deadLetterTopics"), "topic", "records");
        }
        out.println();
        out.println("sync runs in progress (this sync-worker): " + Text.value(health.path("syncRunsInProgress")));
        return ExitCodes.OK;
    }
}
