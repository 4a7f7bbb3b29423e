package org.integrationhub.opscli;

import java.util.Map;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/** {@code hub-ops lag}: consumer lag per group and partition, and the dead-letter topics' sizes. */
@Command(name = "lag", mixinStandardHelpOptions = true, description = "Consumer lag per group and partition, and dead-letter counts.")
final class LagCommand extends OpsCommand {

    @Override
    public Integer call() {
        JsonNode lag = api().get("lag", Map.of());
        print(lag, out -> {
            Text.table(out, lag.path("lag"), "group", "topic", "partition", "committed", "end", "lag");
            out.println();
            Text.table(out, lag.path("deadLetters"), "topic", "records");
            out.println();
            out.println("total lag " + Text.sum(lag.path("lag"), "lag") + " record(s) at " + Text.value(lag.path("at")));
        });
        return ExitCodes.OK;
    }
}
