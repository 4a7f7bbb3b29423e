package org.integrationhub.opscli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hub-ops}: the operator API from the command line (ADR 0017). Exit codes are in
 * {@link ExitCodes}.
 */
@Command(name = "hub-ops", mixinStandardHelpOptions = true, version = "hub-ops 0.1.0",
        description = "Operate the integration hub's pipeline: replays, dead letters, lag and health.",
        subcommands = {ReplayCommand.class, DeadLetterCommand.class, LagCommand.class, HealthCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:usage error (also: no token)", "3:token refused (401, or 403 without the ops role)",
                "4:the replay ended failed, cancelled or interrupted", "5:hub unreachable or failing (network, timeout, 5xx)",
                "6:request refused (400 bad value, 404 not found, 409 already handled)"})
public final class OpsCli {

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line, writing to {@code out} and {@code err}; answers the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new OpsCli());
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((failure, commandLine, parsed) -> {
            if (failure instanceof ApiFailure api) {
                commandLine.getErr().println("hub-ops: " + api.getMessage());
                return api.exitCode();
            }
            throw failure;
        });
        return cli.execute(args);
    }
}
