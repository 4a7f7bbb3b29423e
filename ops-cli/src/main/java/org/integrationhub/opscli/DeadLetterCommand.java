package org.integrationhub.opscli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code hub-ops dlt list|redrive|discard}: the records in the {@code -dlt} topics. */
@Command(name = "dlt", mixinStandardHelpOptions = true, description = "Dead letters: list, redrive, discard.",
        subcommands = {DeadLetterCommand.ListDeadLetters.class, DeadLetterCommand.Redrive.class, DeadLetterCommand.Discard.class})
final class DeadLetterCommand {

    /** The filter options of {@code list} and {@code redrive}. */
    static final class Filter {

        @Option(names = "--topic", paramLabel = "TOPIC", description = "the original topic")
        String topic;

        @Option(names = "--key", description = "the record key")
        String key;

        @Option(names = "--reason", paramLabel = "TEXT", description = "text in the reason")
        String reason;

        boolean given() {
            return topic != null || key != null || reason != null;
        }
    }

    /** A command on one dead letter, named by its position {@code <dlt-topic>/<partition>/<offset>} as the list prints it. */
    abstract static class OnePosition extends OpsCommand {

        String path(String position) {
            String[] parts = position.split("/");
            if (parts.length != 3 || !parts[1].matches("\\d+") || !parts[2].matches("\\d+")) {
                throw new ParameterException(spec.commandLine(), "a position is <dlt-topic>/<partition>/<offset>, not " + position);
            }
            return "dead-letters/" + parts[0] + "/" + parts[1] + "/" + parts[2];
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The dead letters of every -dlt topic, unhandled ones unless asked.")
    static final class ListDeadLetters extends OpsCommand {

        private static final List<String> COLUMNS = List.of("key", "deadLetteredAt", "handled", "reason");

        @Mixin
        Filter filter;

        @Option(names = "--include-handled", description = "also those already redriven or discarded")
        boolean includeHandled;

        @Override
        public Integer call() {
            JsonNode list = api().get("dead-letters", Text.fields("topic", filter.topic, "key", filter.key, "reason", filter.reason,
                    "includeHandled", includeHandled ? true : null));
            print(list, out -> {
                var rows = OpsApi.JSON.createArrayNode();
                for (JsonNode d : list) {
                    var row = rows.addObject();
                    row.put("position", d.path("dltTopic").asString() + "/" + d.path("partition").asString() + "/" + d.path("offset").asString());
                    for (String field : COLUMNS) {
                        row.set(field, d.path(field));
                    }
                }
                Text.table(out, rows, "position", "key", "deadLetteredAt", "handled", "reason");
                out.println(list.size() + " dead letter(s)");
            });
            return ExitCodes.OK;
        }
    }

    @Command(name = "redrive", mixinStandardHelpOptions = true,
            description = "Send dead letters back to their original topic: one by position, the unhandled matches of a filter, or --all.")
    static final class Redrive extends OnePosition {

        @Parameters(arity = "0..1", paramLabel = "POSITION", description = "<dlt-topic>/<partition>/<offset>, as `dlt list` prints it")
        String position;

        @Mixin
        Filter filter;

        @Option(names = "--all", description = "every unhandled dead letter")
        boolean all;

        @Override
        public Integer call() {
            if ((position == null) == !(filter.given() || all)) {
                throw new ParameterException(spec.commandLine(), "give either a POSITION or a filter (--topic, --key, --reason) or --all");
            }
            if (position != null) {
                JsonNode redriven = api().post(path(position) + "/redrive", null);
                print(redriven, out -> out.println("redriven " + position + " to " + Text.value(redriven.path("originalTopic"))
                        + " partition " + Text.value(redriven.path("originalPartition"))));
                return ExitCodes.OK;
            }
            JsonNode result = api().post("dead-letters/redrive", Text.fields("topic", filter.topic, "key", filter.key,
                    "reason", filter.reason, "all", all));
            print(result, out -> out.println("redriven " + result.path("redriven").asLong() + ", already handled "
                    + result.path("alreadyHandled").asLong() + ", failed " + result.path("failed").asLong()));
            return result.path("failed").asLong() > 0 ? ExitCodes.SERVER_FAILURE : ExitCodes.OK;
        }
    }

    @Command(name = "discard", mixinStandardHelpOptions = true, description = "Mark a dead letter handled without sending it.")
    static final class Discard extends OnePosition {

        @Parameters(paramLabel = "POSITION", description = "<dlt-topic>/<partition>/<offset>")
        String position;

        @Override
        public Integer call() {
            JsonNode discarded = api().post(path(position) + "/discard", null);
            print(discarded, out -> out.println("discarded " + position));
            return ExitCodes.OK;
        }
    }
}
