package org.integrationhub.sync.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.MappingId;
import org.integrationhub.events.Person;
import org.integrationhub.events.ResourceId;
import org.integrationhub.events.SyncRunId;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.UserMappingChanged;
import org.integrationhub.events.UserMappingKey;
import org.integrationhub.sync.Observations;
import org.integrationhub.sync.SyncWorkerTest;
import org.integrationhub.sync.runs.SyncRunLedger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The apply stage's set-based batch (one statement claims the batch's keys, one locks its tasks, one
 * resolves its assignees, one writes its outbox rows): called directly, so every observation below is
 * certainly in one batch, on real Postgres. Each observation must be judged against the task as the
 * observations before it in the same batch left it.
 */
class BatchApplyIT extends SyncWorkerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Applier applier;

    @Autowired
    SyncRunLedger runs;

    @Test
    void everyObservationOfABatchIsJudgedAgainstWhatTheOnesBeforeItDid() {
        var created = jira.polled("b-1", "one", 1);
        List<EventEnvelope<TaskObserved>> batch = List.of(
                created,                           // creates version 1
                created,                           // the same key again: a duplicate
                jira.polled("b-1", "two", 3),      // newer, other content: version 2
                jira.polled("b-1", "old", 2),      // older than version 2: stale
                jira.polled("b-1", "two", 5),      // newer, same content: provenance moves to minute 5
                jira.polled("b-1", "mid", 4),      // older than minute 5 (not than 3): stale only if the move above counted
                jira.deleted("b-1", 6));           // tombstone: version 3, deleted

        var applied = applier.apply(batch).block(WAIT);

        assertThat(applied).isEqualTo(new Applier.Applied(3, 1, 2, 1));
        assertThat(task(organisation, "b-1")).containsEntry("version", 3L).containsEntry("deleted", true)
                .containsEntry("title", "two").containsEntry("stale_count", 2L);
        assertThat(count("select count(*) from sync.external_tasks where organisation_id = ? and external_id = 'b-1' "
                + "and source_updated_at = cast(? as timestamptz)", organisation.value(), Observations.T0.plusSeconds(6 * 60).toString()))
                .as("the tombstone's source time").isOne();
        assertThat(query("select payload->'payload'->>'change' as change, payload->'payload'->>'version' as version from sync.outbox "
                        + "where message_key = ? order by seq", jira.key("b-1").format()))
                .extracting(row -> row.get("change") + "@" + row.get("version"))
                .containsExactly("created@1", "updated@2", "deleted@3");
        assertThat(query("select outcome from sync.external_task_events where organisation_id = ? order by received_at, outcome",
                organisation.value())).extracting(row -> row.get("outcome"))
                .containsExactlyInAnyOrder("applied", "applied", "stale", "unchanged", "stale", "applied");

        assertThat(applier.apply(batch).block(WAIT)).as("the whole batch again").isEqualTo(new Applier.Applied(0, 0, 0, 7));
        assertThat(eventsOf(organisation)).isEqualTo(3);
    }

    @Test
    void twoBatchesCreatingTheSameTaskAtOnceBothApplyTheLaterOneAgainstTheOthersTask() {
        int races = 12;
        var pairs = IntStream.range(0, races).mapToObj(i -> Mono.zip(
                        applier.apply(List.of(jira.polled("race-" + i, "first", 1))).subscribeOn(Schedulers.boundedElastic()),
                        applier.apply(List.of(jira.polled("race-" + i, "second", 2))).subscribeOn(Schedulers.boundedElastic())))
                .toList();

        var results = Flux.merge(pairs).collectList().block(WAIT);

        assertThat(results).as("no batch failed").hasSize(races).allSatisfy(pair -> {
            assertThat(pair.getT1().applied() + pair.getT1().stale()).isOne();
            assertThat(pair.getT2().applied()).isOne();
        });
        assertThat(tasksOf(organisation)).isEqualTo(races);
        for (int i = 0; i < races; i++) {
            assertThat(task(organisation, "race-" + i)).as("race-" + i).containsEntry("title", "second");
        }
    }

    @Test
    void aBatchResolvesEachAssigneeByUserIdFirstThenByEmailInAnyCase() {
        ResourceId mia = ResourceId.random();
        ResourceId miaByEmail = ResourceId.random();
        publishMapping(new UserMappingKey(organisation, ExternalSystem.JIRA, "acc-mia"),
                new UserMappingChanged(MappingId.random(), ExternalSystem.JIRA, null, "acc-mia", mia, Instant.now()));
        publishMapping(new UserMappingKey(organisation, ExternalSystem.JIRA, "email:mia@example.com"),
                new UserMappingChanged(MappingId.random(), ExternalSystem.JIRA, "mia@example.com", null, miaByEmail, Instant.now()));
        await("both mappings in the replica").atMost(WAIT).until(() -> count(
                "select count(*) from sync.user_mapping_replica where organisation_id = ? and not deleted", organisation.value()) == 2);
        var other = new Observations(org.integrationhub.events.OrgId.random(), ExternalSystem.JIRA);

        applier.apply(List.of(
                jira.polled("r-1", "by id", 1, new Person("acc-mia", "someone@else.com", "Mia"), "To Do"),
                jira.polled("r-2", "by e-mail", 1, new Person(null, "MIA@Example.COM", null), "To Do"),
                jira.polled("r-3", "unmapped", 1, new Person("acc-bob", "bob@example.com", "Bob"), "To Do"),
                jira.polled("r-4", "nobody", 1),
                other.polled("r-5", "another organisation's Mia", 1, new Person("acc-mia", null, null), "To Do"))).block(WAIT);

        assertThat(task(organisation, "r-1")).containsEntry("resource_id", mia.value());
        assertThat(task(organisation, "r-2")).containsEntry("resource_id", miaByEmail.value());
        assertThat(task(organisation, "r-3").get("resource_id")).isNull();
        assertThat(task(organisation, "r-4").get("resource_id")).isNull();
        assertThat(task(other.org(), "r-5").get("resource_id")).isNull();
    }

    @Test
    void aRunCountsTheFirstJudgementOfAKeyEvenWhenItsCopyIsInTheSameBatch() {
        SyncRunId run = SyncRunId.random();
        var observed = jira.polled("run-b-1", "counted once", 1);
        var published = new EventEnvelope<>(observed.eventId(), observed.type(), observed.schemaVersion(), observed.occurredAt(),
                observed.orgId(), observed.idempotencyKey(), observed.payload().publishedBy(run));
        runs.fetchStarted(run, organisation, jira.connection()).block(WAIT);
        runs.pagePublishing(run, List.of(published.idempotencyKey())).block(WAIT);
        runs.fetchEnded(run).block(WAIT);

        assertThat(applier.apply(List.of(published, published)).block(WAIT)).isEqualTo(new Applier.Applied(1, 0, 0, 1));

        assertThat(runs.progress(run).block(WAIT))
                .extracting(SyncRunLedger.Progress::status, SyncRunLedger.Progress::itemsSeen, SyncRunLedger.Progress::itemsApplied)
                .containsExactly("succeeded", 1, 1);
    }
}
