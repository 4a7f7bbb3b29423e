package org.integrationhub.sync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.integrationhub.events.Topics;
import org.integrationhub.opscli.ExitCodes;
import org.integrationhub.opscli.OpsCli;
import org.integrationhub.sync.SyncWorkerTest;
import org.integrationhub.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** {@code hub-ops}, the command-line tool, against this running sync-worker: output and exit codes. */
class OpsCliIT extends SyncWorkerTest {

    /** What one command line did. */
    record Run(int exit, String out, String err) {
    }

    private Run cli(String token, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(List.of("--url", "http://localhost:" + port));
        if (token != null) {
            line.addAll(List.of("--token", token));
        }
        int exit = OpsCli.run(new PrintWriter(out, true), new PrintWriter(err, true), line.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private String operator() {
        return TestTokens.shared().user(UUID.randomUUID(), organisation, "member", "ops");
    }

    @Test
    void lagAndHealthPrintTheirTablesAndAnswerZero() {
        Run lag = cli(operator(), "lag");
        assertThat(lag.exit()).as(lag.err()).isZero();
        assertThat(lag.out()).contains("GROUP", "sync-worker.apply", Topics.TASK_OBSERVATIONS.name(), "total lag");

        Run health = cli(operator(), "health", "--json");
        assertThat(health.exit()).as(health.err()).isZero();
        assertThat(health.out()).contains("\"stages\"", "\"stage\" : \"apply\"", "\"recordsPerSecond\"", "\"syncRunsInProgress\"");
    }

    @Test
    void exitCodesTellScriptsWhatWentWrong() {
        String member = TestTokens.shared().user(UUID.randomUUID(), organisation, "member");
        Run refused = cli(member, "lag");
        assertThat(refused.exit()).isEqualTo(ExitCodes.AUTH_REFUSED);
        assertThat(refused.err()).contains("403 forbidden").doesNotContain(member);
        assertThat(cli("not-a-jwt", "dlt", "list").exit()).isEqualTo(ExitCodes.AUTH_REFUSED);
        assertThat(cli(null, "lag").exit()).as("no token").isEqualTo(ExitCodes.USAGE);
        assertThat(cli(operator(), "lag", "--bogus").exit()).isEqualTo(ExitCodes.USAGE);

        Run badRange = cli(operator(), "replay", "start", "--partition", "0", "--from-offset", "5", "--to-offset", "1");
        assertThat(badRange.exit()).isEqualTo(ExitCodes.REQUEST_REFUSED);
        assertThat(badRange.err()).contains("400 validation_failed", "fromOffset");
        assertThat(cli(operator(), "replay", "status", UUID.randomUUID().toString()).exit()).isEqualTo(ExitCodes.REQUEST_REFUSED);

        var out = new StringWriter();
        int unreachable = OpsCli.run(new PrintWriter(out), new PrintWriter(out), "lag", "--url", "http://localhost:1", "--token", operator());
        assertThat(unreachable).isEqualTo(ExitCodes.SERVER_FAILURE);
    }

    @Test
    void aFollowedReplayPrintsItsProgressAndAnswersZeroWhenItSucceeds() {
        Instant start = Instant.now().minusSeconds(1);
        publish(IntStream.range(0, 20).mapToObj(i -> jira.polled("cli-" + i, "title " + i, 1)).toList(), 10);
        await("applied").atMost(Duration.ofSeconds(60)).until(() -> tasksOf(organisation) == 20);

        Run replay = cli(operator(), "replay", "start", "--from", start.toString(), "--organisation", organisation.value().toString(),
                "--interval", "0.2");
        assertThat(replay.exit()).as(replay.err()).isZero();
        String last = Stream.of(replay.out().split("\n")).reduce((a, b) -> b).orElseThrow();
        assertThat(last).matches("replay \\S+ succeeded: \\d+/\\d+ read, \\d+ skipped, 0 unreadable, 20 duplicate, 0 applied, 0 unchanged, 0 stale");
        assertThat(eventsOf(organisation)).isEqualTo(20);

        Run list = cli(operator(), "replay", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(last.split(" ")[1], "succeeded", Topics.TASK_OBSERVATIONS.name(), "safe");
    }

    @Test
    void aCancelledReplayAnswersFourAndTheDeadLetterCommandsListAndRedrive() {
        Instant start = Instant.now().minusSeconds(1);
        publish(IntStream.range(0, 1500).mapToObj(i -> jira.polled("cli-many-" + i, "title " + i, 1)).toList(), 50);
        Run started = cli(operator(), "replay", "start", "--no-follow", "--from", start.toString(), "--organisation",
                organisation.value().toString());
        String id = started.out().split(" ")[1];
        assertThat(cli(operator(), "replay", "cancel", id).exit()).isZero();
        await("the replay ended").atMost(Duration.ofSeconds(60)).until(() -> !cli(operator(), "replay", "status", id).out().contains(" running:"));
        Run status = cli(operator(), "replay", "status", id);
        assertThat(status.out()).contains("cancelled");
        assertThat(status.exit()).isEqualTo(ExitCodes.REPLAY_FAILED);

        // a record under another task's key is poison: dead-lettered at once
        var misplaced = jira.polled("cli-misplaced", "misplaced", 1);
        String key = jira.key("cli-someone-else").format();
        publisher.publish(Topics.TASK_OBSERVATIONS, jira.key("cli-someone-else"), misplaced).block(Duration.ofSeconds(30));
        Run list = await("the dead letter listed").atMost(Duration.ofSeconds(60))
                .until(() -> cli(operator(), "dlt", "list", "--key", key), r -> r.out().contains("1 dead letter(s)"));
        assertThat(list.out()).contains("POSITION", Topics.TASK_OBSERVATIONS.deadLetter().name() + "/", "record key does not name");
        String position = Stream.of(list.out().split("\n")).filter(l -> l.startsWith(Topics.TASK_OBSERVATIONS.deadLetter().name()))
                .findFirst().orElseThrow().split("\\s+")[0];

        Run redrive = cli(operator(), "dlt", "redrive", position);
        assertThat(redrive.exit()).as(redrive.err()).isZero();
        assertThat(redrive.out()).contains("redriven " + position + " to " + Topics.TASK_OBSERVATIONS.name());
        Run again = cli(operator(), "dlt", "redrive", position);
        assertThat(again.exit()).isEqualTo(ExitCodes.REQUEST_REFUSED);
        assertThat(again.err()).contains("409 dead_letter_already_handled");

        // still misplaced, so it is dead-lettered again, and a filtered redrive sends it once more
        await("dead-lettered again").atMost(Duration.ofSeconds(60))
                .until(() -> cli(operator(), "dlt", "list", "--key", key).out().contains("1 dead letter(s)"));
        Run filtered = cli(operator(), "dlt", "redrive", "--key", key);
        assertThat(filtered.exit()).as(filtered.err()).isZero();
        assertThat(filtered.out()).contains("redriven 1, already handled 0, failed 0");
        assertThat(cli(operator(), "dlt", "redrive").exit()).as("neither a position nor a filter").isEqualTo(ExitCodes.USAGE);
    }
}
