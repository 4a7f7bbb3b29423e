package org.integrationhub.opscli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code hub-ops replay start|list|status|cancel}: replays of a topic's slice, in the background on the hub. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Replays: start (and follow), list, status, cancel.",
        subcommands = {ReplayCommand.Start.class, ReplayCommand.ListReplays.class, ReplayCommand.Status.class, ReplayCommand.Cancel.class})
final class ReplayCommand {

    static final String FINISHED_OK = "succeeded";

    /** One line of progress: "replay <id> running: 1200/10000 read, ...". */
    static String line(JsonNode p) {
        return "replay " + p.path("id").asString() + " " + p.path("status").asString() + ": " + p.path("read").asLong() + "/"
                + p.path("total").asLong() + " read, " + p.path("skipped").asLong() + " skipped, " + p.path("unreadable").asLong()
                + " unreadable, " + p.path("duplicate").asLong() + " duplicate, " + p.path("applied").asLong() + " applied, "
                + p.path("unchanged").asLong() + " unchanged, " + p.path("stale").asLong() + " stale";
    }

    static int exitCodeOf(JsonNode progress) {
        return FINISHED_OK.equals(progress.path("status").asString()) ? ExitCodes.OK : ExitCodes.REPLAY_FAILED;
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start a replay and follow its progress until it ends (Ctrl-C cancels it); safe unless --mode renormalise.")
    static final class Start implements Callable<Integer> {

        @Mixin
        ApiOptions options;

        @Spec
        CommandSpec spec;

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
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("topic", topic);
            request.put("mode", mode);
            request.put("from", from);
            request.put("to", to);
            request.put("partition", partition);
            request.put("fromOffset", fromOffset);
            request.put("toOffset", toOffset);
            request.put("organisationId", organisation);
            request.put("connectionId", connection);
            request.values().removeIf(java.util.Objects::isNull);
            OpsApi api = options.api(spec);
            JsonNode started = api.post("replays", request);
            PrintWriter out = spec.commandLine().getOut();
            if (noFollow) {
                if (options.json) {
                    Text.json(out, started);
                } else {
                    out.println(line(started));
                }
                return ExitCodes.OK;
            }
            return follow(api, started.path("id").asString(), out);
        }

        private int follow(OpsApi api, String id, PrintWriter out) throws InterruptedException {
            AtomicBoolean done = new AtomicBoolean();
            Thread cancelOnInterrupt = new Thread(() -> {
                if (!done.get()) {
                    try {
                        api.post("replays/" + id + "/cancel", null);
                        out.println("replay " + id + " cancel requested");
                    } catch (ApiFailure notCancelled) {
                        out.println("replay " + id + " not cancelled: " + notCancelled.getMessage());
                    }
                }
            });
            Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
            try {
                Duration every = Duration.ofMillis((long) (Math.max(0.1, interval) * 1000));
                while (true) {
                    JsonNode progress = api.get("replays/" + id, Map.of());
                    boolean running = "running".equals(progress.path("status").asString());
                    if (!running) {
                        done.set(true);
                        if (options.json) {
                            Text.json(out, progress);
                        } else {
                            out.println(line(progress));
                        }
                        return exitCodeOf(progress);
                    }
                    if (!options.json) {
                        out.println(line(progress));
                    }
                    Thread.sleep(every.toMillis());
                }
            } finally {
                done.set(true);
                try {
                    Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs: Ctrl-C
                }
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The latest replays, newest first.")
    static final class ListReplays implements Callable<Integer> {

        @Mixin
        ApiOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode list = options.api(spec).get("replays", Map.of());
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                Text.json(out, list);
                return ExitCodes.OK;
            }
            var rows = OpsApi.JSON.createArrayNode();
            for (JsonNode p : list) {
                var row = OpsApi.JSON.createObjectNode();
                row.set("id", p.path("id"));
                row.set("status", p.path("status"));
                row.set("topic", p.path("request").path("topic"));
                row.set("mode", p.path("request").path("mode"));
                row.put("read", p.path("read").asLong() + "/" + p.path("total").asLong());
                row.set("applied", p.path("applied"));
                row.set("startedAt", p.path("startedAt"));
                rows.add(row);
            }
            Text.table(out, rows, "id", "status", "topic", "mode", "read", "applied", "startedAt");
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "One replay's progress; exit 4 if it ended other than succeeded.")
    static final class Status implements Callable<Integer> {

        @Mixin
        ApiOptions options;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            JsonNode progress = options.api(spec).get("replays/" + id, Map.of());
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                Text.json(out, progress);
            } else {
                out.println(line(progress));
            }
            return "running".equals(progress.path("status").asString()) ? ExitCodes.OK : exitCodeOf(progress);
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Stop a replay after its current batch.")
    static final class Cancel implements Callable<Integer> {

        @Mixin
        ApiOptions options;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            JsonNode progress = options.api(spec).post("replays/" + id + "/cancel", null);
            spec.commandLine().getOut().println("cancel requested: " + line(progress));
            return ExitCodes.OK;
        }
    }
}
