package org.integrationhub.opscli;

import java.util.Map;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/** {@code hub-ops health}: each stage's rate and last error, the lag, the dead letters and the syncs running. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Records per second and last error per stage, lag, dead-letter counts, syncs running.")
final class HealthCommand extends OpsCommand {

    @Override
    public Integer call() {
        JsonNode health = api().get("health", Map.of());
        print(health, out -> {
            Text.table(out, health.path("stages"), "stage", "records", "recordsPerSecond", "lastErrorAt", "lastError");
            out.println();
            if (health.path("kafkaUnreadable").isString()) {
                out.println("lag and dead letters unknown: " + health.path("kafkaUnreadable").asString());
            } else {
                Text.table(out, health.path("deadLetterTopics"), "topic", "records");
                out.println();
                out.println("total lag " + Text.sum(health.path("lag"), "lag") + " record(s)");
            }
            out.println("sync runs in progress (this sync-worker): " + Text.value(health.path("syncRunsInProgress")));
        });
        return ExitCodes.OK;
    }
}
