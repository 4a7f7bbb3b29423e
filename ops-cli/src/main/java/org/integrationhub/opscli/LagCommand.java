package org.integrationhub.opscli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code hub-ops lag}: consumer lag per group and partition, and the dead-letter topics' sizes. */
@Command(name = "lag", mixinStandardHelpOptions = true, description = "Consumer lag per group and partition, and dead-letter counts.")
final class LagCommand implements Callable<Integer> {

    @Mixin
    ApiOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonNode lag = options.api(spec).get("lag", Map.of());
        var out = spec.commandLine().getOut();
        if (options.json) {
            Text.json(out, lag);
            return ExitCodes.OK;
        }
        Text.table(out, lag.path("lag"), "group", "topic", "partition", "committed", "end", "lag");
        out.println();
        Text.table(out, lag.path("deadLetters"), "topic", "records");
        long total = 0;
        for (JsonNode partition : lag.path("lag")) {
            total += partition.path("lag").asLong();
        }
        out.println();
        out.println("total lag " + total + " record(s) at " + Text.value(lag.path("at")));
        return ExitCodes.OK;
    }
}
