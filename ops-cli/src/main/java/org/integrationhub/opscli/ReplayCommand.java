package org.integrationhub.opscli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code hub-ops replay start|list|status|cancel}: replays of a topic's slice, in the background on the hub. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Replays: start (and follow), list, status, cancel.",
        subcommands = {ReplayCommand.Start.class, ReplayCommand.ListReplays.class, ReplayCommand.Status.class, ReplayCommand.Cancel.class})
final class ReplayCommand {

    /** One line of progress: "replay <id> running: 1200/10000 read, ...". */
    static String line(JsonNode p) {
        return "replay " + p.path("id").asString() + " " + p.path("status").asString() + ": " + p.path("read").asLong() + "/"
                + p.path("total").asLong() + " read, " + p.path("skipped").asLong() + " skipped, " + p.path("unreadable").asLong()
                + " unreadable, " + p.path("duplicate").asLong() + " duplicate, " + p.path("applied").asLong() + " applied, "
                + p.path("unchanged").asLong() + " unchanged, " + p.path("stale").asLong() + " stale";
    }

    static boolean running(JsonNode progress) {
        return "running".equals(progress.path("status").asString());
    }

    /** 0 while running or once succeeded; 4 once it ended otherwise. */
    static int exitCodeOf(JsonNode progress) {
        return running(progress) || "succeeded".equals(progress.path("status").asString()) ? ExitCodes.OK : ExitCodes.REPLAY_FAILED;
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start a replay and follow its progress until it ends (Ctrl-C cancels it); safe unless --mode renormalise.")
    static final class Start extends OpsCommand {

        @Option(names = "--topic", defaultValue = "integration.task-observations", paramLabel = "TOPIC",
                description = "integration.task-observations (default) or integration.webhook-deliveries")
        String topic;

        @Option(names = "--mode", defaultValue = "safe", paramLabel = "MODE",
                description = "safe (default: nothing applied changes) or renormalise (webhook deliveries, by the current rules)")
        String mode;

        @Option(names = "--from", paramLabel = "INSTANT", description = "window start, inclusive (ISO-8601, e.g. 2026-11-23T09:00:00Z)")
        String from;

        @Option(names = "--to", paramLabel = "INSTANT", description = "window end, exclusive")
        String to;

        @Option(names = "--partition", description = "an offset range of this partition (with --from-offset and --to-offset)")
        Integer partition;

        @Option(names = "--from-offset", paramLabel = "OFFSET", description = "first offset, inclusive")
        Long fromOffset;

        @Option(names = "--to-offset", paramLabel = "OFFSET", description = "last offset, inclusive")
        Long toOffset;

        @Option(names = "--organisation", paramLabel = "UUID", description = "only this organisation's records")
        String organisation;

        @Option(names = "--connection", paramLabel = "UUID", description = "only this connection's records")
        String connection;

        @Option(names = "--no-follow", description = "print the started job and return at once")
        boolean noFollow;

        @Option(names = "--interval", defaultValue = "1", paramLabel = "SECONDS",
                description = "how often progress is printed while following (default: ${DEFAULT-VALUE})")
        double interval;

        @Override
        public Integer call() throws InterruptedException {
            OpsApi api = api();
            JsonNode started = api.post("replays", Text.fields("topic", topic, "mode", mode, "from", from, "to", to, "partition", partition,
                    "fromOffset", fromOffset, "toOffset", toOffset, "organisationId", organisation, "connectionId", connection));
            if (noFollow) {
                print(started, out -> out.println(line(started)));
                return ExitCodes.OK;
            }
            return follow(api, started.path("id").asString(), out());
        }

        private int follow(OpsApi api, String id, PrintWriter out) throws InterruptedException {
            AtomicBoolean ended = new AtomicBoolean();
            Thread cancelOnCtrlC = new Thread(() -> {
                if (!ended.get()) {
                    try {
                        api.post("replays/" + id + "/cancel", null);
                        out.println("replay " + id + " cancel requested");
                    } catch (ApiFailure notCancelled) {
                        out.println("replay " + id + " not cancelled: " + notCancelled.getMessage());
                    }
                }
            });
            Runtime.getRuntime().addShutdownHook(cancelOnCtrlC);
            try {
                while (true) {
                    JsonNode progress = api.get("replays/" + id, Map.of());
                    if (!running(progress)) {
                        ended.set(true);
                        print(progress, text -> text.println(line(progress)));
                        return exitCodeOf(progress);
                    }
                    if (!options.json) {
                        out.println(line(progress));
                    }
                    Thread.sleep((long) (Math.max(0.1, interval) * 1000));
                }
            } finally {
                ended.set(true);
                try {
                    Runtime.getRuntime().removeShutdownHook(cancelOnCtrlC);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running
                }
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The latest replays, newest first.")
    static final class ListReplays extends OpsCommand {

        @Override
        public Integer call() {
            JsonNode list = api().get("replays", Map.of());
            print(list, out -> {
                var rows = OpsApi.JSON.createArrayNode();
                for (JsonNode p : list) {
                    var row = rows.addObject();
                    row.set("id", p.path("id"));
                    row.set("status", p.path("status"));
                    row.set("topic", p.path("request").path("topic"));
                    row.set("mode", p.path("request").path("mode"));
                    row.put("read", p.path("read").asLong() + "/" + p.path("total").asLong());
                    row.set("applied", p.path("applied"));
                    row.set("startedAt", p.path("startedAt"));
                }
                Text.table(out, rows, "id", "status", "topic", "mode", "read", "applied", "startedAt");
            });
            return ExitCodes.OK;
        }
    }

    /** {@code status ID} and {@code cancel ID}: one call about one replay, its progress printed. */
    abstract static class OneReplay extends OpsCommand {

        @Parameters(paramLabel = "ID")
        String id;

        JsonNode printed(JsonNode progress, String prefix) {
            print(progress, out -> out.println(prefix + line(progress)));
            return progress;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "One replay's progress; exit 4 if it ended other than succeeded.")
    static final class Status extends OneReplay {

        @Override
        public Integer call() {
            return exitCodeOf(printed(api().get("replays/" + id, Map.of()), ""));
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Stop a replay after its current batch.")
    static final class Cancel extends OneReplay {

        @Override
        public Integer call() {
            printed(api().post("replays/" + id + "/cancel", null), "cancel requested: ");
            return ExitCodes.OK;
        }
    }
}
