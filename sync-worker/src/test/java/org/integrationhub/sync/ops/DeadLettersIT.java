package org.integrationhub.sync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.integrationhub.sync.SyncWorkerTest;
import org.integrationhub.testsupport.PostgresEndpoint;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Dead letters through the operator API: a record the database refuses lands in the DLT and is
 * listed with its origin and reason; redriven while the cause remains it returns to the DLT once
 * (a new dead letter, nothing loops); redriven after the cause is fixed it applies once.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeadLettersIT extends SyncWorkerTest {

    private static final String TOPIC = "integration.task-observations";
    private static final ParameterizedTypeReference<Map<String, List<Map<String, Object>>>> LIST = new ParameterizedTypeReference<>() {
    };

    /** A check constraint on the tasks refuses one title: a cause that is not the record's format, and that an operator can fix. */
    private final String constraint = "ops_it_refuses_" + UUID.randomUUID().toString().replace("-", "");
    private final String refusedTitle = "refused until fixed " + UUID.randomUUID();
    private final UUID operator = UUID.randomUUID();

    private WebTestClient ops() {
        return http(organisation, operator, "ops");
    }

    @AfterEach
    void fixTheCause() {
        execute("alter table sync.external_tasks drop constraint if exists " + constraint);
    }

    @Test
    void aDeadLetterIsListedWithItsReasonReturnsOnceWhileTheCauseRemainsAndAppliesOnceAfterTheFix(CapturedOutput output) {
        execute("alter table sync.external_tasks add constraint " + constraint + " check (title is distinct from '" + refusedTitle + "')");
        var refused = jira.polled("dlt-1", refusedTitle, 1);
        String key = keyOf(refused).format();
        publish(refused);

        Map<String, Object> first = await("the refused record listed as a dead letter").atMost(Duration.ofSeconds(60))
                .until(() -> deadLetters(key, false), found -> found.size() == 1).get(0);
        assertThat(first).containsEntry("dltTopic", TOPIC + "-dlt").containsEntry("originalTopic", TOPIC)
                .containsEntry("consumerGroup", "sync-worker.apply").containsEntry("handled", null);
        assertThat(first.get("originalOffset")).isNotNull();
        assertThat(first.get("originalTimestamp")).isNotNull();
        assertThat(first.get("deadLetteredAt")).isNotNull();
        assertThat(first.get("reason") + " " + first.get("exception")).as("the failure reason").contains(constraint);
        assertThat(first.get("value").toString()).as("the envelope, shown to the operator").contains(refused.eventId().toString());

        // redriven while the constraint is still there: back to the DLT as a new dead letter, and no further
        redrive(first).expectStatus().isOk().expectBody().jsonPath("$.data.handled").isEqualTo("redriven");
        Map<String, Object> second = await("the redriven record dead-lettered again").atMost(Duration.ofSeconds(60))
                .until(() -> deadLetters(key, false), found -> found.size() == 1 && !found.get(0).get("offset").equals(first.get("offset")))
                .get(0);
        assertThat(second).containsEntry("redrivenFrom", first.get("dltTopic") + "/" + first.get("partition") + "/" + first.get("offset"))
                .hasEntrySatisfying("exception", e -> assertThat(e.toString()).contains("DataIntegrityViolation"));
        await("no loop: the record stays a dead letter").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> deadLetters(key, true).size() == 2);
        assertThat(deadLetters(key, true)).extracting(d -> d.get("handled")).containsExactlyInAnyOrder("redriven", null);
        assertThat(tasksOf(organisation)).isZero();

        execute("alter table sync.external_tasks drop constraint " + constraint);
        redrive(second).expectStatus().isOk();
        await("the redriven record applied after the fix").atMost(Duration.ofSeconds(60))
                .until(() -> refusedTitle.equals(task(organisation, "dlt-1").get("title")));
        redrive(second).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("dead_letter_already_handled");

        await("nothing applied twice").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> eventsOf(organisation) == 1);
        assertThat(task(organisation, "dlt-1")).containsEntry("version", 1L);
        assertThat(count("select count(*) from sync.external_task_events where organisation_id = ? and idempotency_key = ?",
                organisation.value(), refused.idempotencyKey())).isEqualTo(1);
        assertThat(deadLetters(key, false)).as("nothing left to handle").isEmpty();
        assertThat(output.getAll()).as("the log names positions, never record contents").contains("redriven to " + TOPIC)
                .doesNotContain(refusedTitle);
    }

    @Test
    void aFilteredRedriveSendsOnlyTheMatchingDeadLettersAndADiscardedOneStaysAside() {
        execute("alter table sync.external_tasks add constraint " + constraint + " check (title is distinct from '" + refusedTitle + "')");
        var a = jira.polled("dlt-a", refusedTitle, 1);
        var b = jira.polled("dlt-b", refusedTitle, 1);
        publish(a, b);
        String keyA = keyOf(a).format();
        String keyB = keyOf(b).format();
        await("both dead-lettered").atMost(Duration.ofSeconds(60))
                .until(() -> deadLetters(keyA, false).size() == 1 && deadLetters(keyB, false).size() == 1);
        execute("alter table sync.external_tasks drop constraint " + constraint);

        Map<String, Object> discarded = deadLetters(keyB, false).get(0);
        ops().post().uri(path(discarded) + "/discard").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.handled").isEqualTo("discarded");
        ops().post().uri(path(discarded) + "/discard").exchange().expectStatus().isEqualTo(409);
        assertThat(count("select count(*) from sync.external_task_events where organisation_id = ? and idempotency_key = ? and outcome = 'discarded'",
                organisation.value(), b.idempotencyKey())).as("its key kept, so no replay or reset applies it later").isOne();

        ops().post().uri("/api/ops/dead-letters/redrive").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("topic", TOPIC, "reason", constraint)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.redriven").isEqualTo(1)
                .jsonPath("$.data.failed").isEqualTo(0);

        await("the matching dead letter applied").atMost(Duration.ofSeconds(60)).until(() -> !task(organisation, "dlt-a").isEmpty());
        await("the discarded one stays aside").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> task(organisation, "dlt-b").isEmpty());
        assertThat(deadLetters(keyB, true)).singleElement().satisfies(d -> assertThat(d).containsEntry("handled", "discarded"));
    }

    private List<Map<String, Object>> deadLetters(String key, boolean includeHandled) {
        return ops().get().uri(u -> u.path("/api/ops/dead-letters").queryParam("topic", TOPIC).queryParam("key", key)
                        .queryParam("includeHandled", includeHandled).build())
                .exchange().expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody().get("data");
    }

    private WebTestClient.ResponseSpec redrive(Map<String, Object> deadLetter) {
        return ops().post().uri(path(deadLetter) + "/redrive").exchange();
    }

    private static String path(Map<String, Object> deadLetter) {
        return "/api/ops/dead-letters/" + deadLetter.get("dltTopic") + "/" + deadLetter.get("partition") + "/" + deadLetter.get("offset");
    }

    private static void execute(String sql) {
        PostgresEndpoint postgres = SharedInfrastructure.get().postgres();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
