package org.integrationhub.opscli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code hub-ops dlt list|redrive|discard}: the records in the {@code -dlt} topics. */
@Command(name = "dlt", mixinStandardHelpOptions = true, description = "Dead letters: list, redrive, discard.",
        subcommands = {DeadLetterCommand.ListDeadLetters.class, DeadLetterCommand.Redrive.class, DeadLetterCommand.Discard.class})
final class DeadLetterCommand {

    /** A dead letter's position, {@code <dlt-topic>/<partition>/<offset>} as the list prints it. */
    static String positionPath(CommandSpec spec, String position) {
        String[] parts = position.split("/");
        if (parts.length != 3 || !parts[1].matches("\\d+") || !parts[2].matches("\\d+")) {
            throw new ParameterException(spec.commandLine(), "a position is <dlt-topic>/<partition>/<offset>, not " + position);
        }
        return "dead-letters/" + parts[0] + "/" + parts[1] + "/" + parts[2];
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The dead letters of every -dlt topic, unhandled ones unless asked.")
    static final class ListDeadLetters implements Callable<Integer> {

        @Mixin
        ApiOptions options;

        @Spec
        CommandSpec spec;

        @Option(names = "--topic", paramLabel = "TOPIC", description = "only those of this original topic")
        String topic;

        @Option(names = "--key", description = "only those with this record key")
        String key;

        @Option(names = "--reason", paramLabel = "TEXT", description = "only those whose reason contains this text")
        String reason;

        @Option(names = "--include-handled", description = "also those already redriven or discarded")
        boolean includeHandled;

        @Override
        public Integer call() {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("topic", topic);
            query.put("key", key);
            query.put("reason", reason);
            query.put("includeHandled", includeHandled ? "true" : null);
            JsonNode list = options.api(spec).get("dead-letters", query);
            var out = spec.commandLine().getOut();
            if (options.json) {
                Text.json(out, list);
                return ExitCodes.OK;
            }
            var rows = OpsApi.JSON.createArrayNode();
            for (JsonNode d : list) {
                var row = OpsApi.JSON.createObjectNode();
                row.put("position", d.path("dltTopic").asString() + "/" + d.path("partition").asString() + "/" + d.path("offset").asString());
                row.set("key", d.path("key"));
                row.set("deadLetteredAt", d.path("deadLetteredAt"));
                row.set("handled", d.path("handled"));
                row.set("reason", d.path("reason"));
                rows.add(row);
            }
            Text.table(out, rows, "position", "key", "deadLetteredAt", "handled", "reason");
            out.println(list.size() + " dead letter(s)");
            return ExitCodes.OK;
        }
    }

    @Command(name = "redrive", mixinStandardHelpOptions = true,
            description = "Send dead letters back to their original topic: one by position, the matches of a filter, or --all.")
    static final class Redrive implements Callable<Integer> {

        @Mixin
        ApiOptions options;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "POSITION", description = "<dlt-topic>/<partition>/<offset>, as `dlt list` prints it")
        String position;

        @Option(names = "--topic", paramLabel = "TOPIC", description = "every unhandled one of this original topic")
        String topic;

        @Option(names = "--key", description = "every unhandled one with this record key")
        String key;

        @Option(names = "--reason", paramLabel = "TEXT", description = "every unhandled one whose reason contains this text")
        String reason;

        @Option(names = "--all", description = "every unhandled dead letter")
        boolean all;

        @Override
        public Integer call() {
            boolean filtered = topic != null || key != null || reason != null || all;
            if ((position == null) == !filtered) {
                throw new ParameterException(spec.commandLine(), "give either a POSITION or a filter (--topic, --key, --reason) or --all");
            }
            var out = spec.commandLine().getOut();
            if (position != null) {
                JsonNode redriven = options.api(spec).post(positionPath(spec, position) + "/redrive", null);
                if (options.json) {
                    Text.json(out, redriven);
                } else {
                    out.println("redriven " + position + " to " + Text.value(redriven.path("originalTopic")) + " partition "
                            + Text.value(redriven.path("originalPartition")));
                }
                return ExitCodes.OK;
            }
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("topic", topic);
            filter.put("key", key);
            filter.put("reason", reason);
            filter.put("all", all);
            JsonNode result = options.api(spec).post("dead-letters/redrive", filter);
            if (options.json) {
                Text.json(out, result);
            } else {
                out.println("redriven " + result.path("redriven").asLong() + ", already handled " + result.path("alreadyHandled").asLong()
                        + ", failed " + result.path("failed").asLong());
            }
            return result.path("failed").asLong() > 0 ? ExitCodes.SERVER_FAILURE : ExitCodes.OK;
        }
    }

    @Command(name = "discard", mixinStandardHelpOptions = true, description = "Mark a dead letter handled without sending it.")
    static final class Discard implements Callable<Integer> {

        @Mixin
        ApiOptions options;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "POSITION", description = "<dlt-topic>/<partition>/<offset>")
        String position;

        @Override
        public Integer call() {
            JsonNode discarded = options.api(spec).post(positionPath(spec, position) + "/discard", null);
            var out = spec.commandLine().getOut();
            if (options.json) {
                Text.json(out, discarded);
            } else {
                out.println("discarded " + position);
            }
            return ExitCodes.OK;
        }
    }
}
