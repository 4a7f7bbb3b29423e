package org.integrationhub.sync.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.ExternalTaskUpdated;
import org.integrationhub.events.SyncRunId;
import org.integrationhub.events.TaskKey;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.Topics;
import org.integrationhub.sync.SyncWorkerTest;
import org.integrationhub.sync.runs.SyncRunLedger;
import org.integrationhub.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The apply stage on real Kafka and Postgres: de-duplication, versions, tombstones, events. */
class ApplyIT extends SyncWorkerTest {

    private static final Duration APPLY = Duration.ofSeconds(60);

    private double duplicates() {
        return counted("sync.apply.observations", "outcome", "duplicate");
    }

    @Test
    void thousandObservationsMakeThousandTasksAndTheSameThousandAgainChangeNothing() {
        List<EventEnvelope<TaskObserved>> thousand = IntStream.range(0, 1000)
                .mapToObj(i -> jira.polled("bulk-" + i, "Task " + i, 1)).toList();
        try (var probe = KafkaProbe.on(Topics.EXTERNAL_TASK_UPDATES)) {
            publish(thousand, 64);
            await("1,000 tasks applied").atMost(APPLY).until(() -> tasksOf(organisation) == 1000);
            probe.awaitMatching(r -> r.key().orgId().equals(organisation), 1000, APPLY);

            double duplicatesBefore = duplicates();
            publish(thousand, 64);
            await("1,000 duplicates counted").atMost(APPLY).until(() -> duplicates() - duplicatesBefore >= 1000);

            assertThat(tasksOf(organisation)).isEqualTo(1000);
            assertThat(eventsOf(organisation)).as("outbox rows").isEqualTo(1000);
            assertThat(count("select count(*) from sync.external_task_events where organisation_id = ?", organisation.value()))
                    .as("idempotency keys").isEqualTo(1000);
            var published = probe.drain(Duration.ofSeconds(2)).stream().filter(r -> r.key().orgId().equals(organisation)).toList();
            assertThat(published).as("events on " + Topics.EXTERNAL_TASK_UPDATES).hasSize(1000)
                    .allSatisfy(r -> assertThat(r.envelope().payload().change()).isEqualTo(ExternalTaskUpdated.Change.CREATED));
            assertThat(published.stream().map(r -> r.envelope().eventId()).distinct()).hasSize(1000);
        }
    }

    @Autowired
    SyncRunLedger runs;

    @Test
    void aSyncRunCountsEachOfItsObservationsOnceAndFinishesOnlyWhenAllAreJudged() {
        SyncRunId run = SyncRunId.random();
        List<EventEnvelope<TaskObserved>> published = IntStream.range(0, 50)
                .mapToObj(i -> publishedBy(run, jira.polled("run-" + i, "Task " + i, 1))).toList();
        runs.fetchStarted(run, organisation, jira.connection()).block(APPLY);
        runs.pagePublishing(run, published.stream().map(EventEnvelope::idempotencyKey).toList()).block(APPLY);
        runs.fetchEnded(run).block(APPLY);
        assertThat(runs.progress(run).block(APPLY)).as("nothing applied yet")
                .extracting(SyncRunLedger.Progress::status, SyncRunLedger.Progress::itemsSeen, SyncRunLedger.Progress::itemsApplied)
                .containsExactly("running", 50, 0);

        publish(published.subList(0, 20), 8);
        await("20 of the run's observations counted").atMost(APPLY).until(() -> runs.progress(run).block(APPLY).itemsApplied() == 20);
        assertThat(runs.progress(run).block(APPLY).status()).as("not finished while 30 wait").isEqualTo("running");

        double duplicatesBefore = duplicates();
        publish(published.subList(0, 20), 8); // redelivered
        publish(published.subList(20, 50), 8);
        await("redeliveries judged").atMost(APPLY).until(() -> duplicates() - duplicatesBefore >= 20);
        await("the run succeeded").atMost(APPLY).until(() -> "succeeded".equals(runs.progress(run).block(APPLY).status()));

        var progress = runs.progress(run).block(APPLY);
        assertThat(progress.itemsApplied()).as("each applied task once, redeliveries not counted").isEqualTo(50)
                .isEqualTo((int) tasksOf(organisation));
        assertThat(progress.itemsJudged()).isEqualTo(50);
    }

    private static EventEnvelope<TaskObserved> publishedBy(SyncRunId run, EventEnvelope<TaskObserved> envelope) {
        return new EventEnvelope<>(envelope.eventId(), envelope.type(), envelope.schemaVersion(), envelope.occurredAt(), envelope.orgId(),
                envelope.idempotencyKey(), envelope.payload().publishedBy(run));
    }

    @Test
    void theSameObservationTenTimesFiveOfThemConcurrentlyIsOneChange() {
        var once = jira.polled("dup-1", "Fix the login page", 5);
        double duplicatesBefore = duplicates();
        publish(List.of(once, once, once, once, once), 1);
        publish(List.of(once, once, once, once, once), 5);

        await("nine copies counted as duplicates").atMost(APPLY).until(() -> duplicates() - duplicatesBefore >= 9);
        assertThat(count("select count(*) from sync.external_task_events where organisation_id = ? and idempotency_key = ?",
                organisation.value(), once.idempotencyKey())).as("event rows").isOne();
        assertThat(tasksOf(organisation)).isOne();
        assertThat(task(organisation, "dup-1")).containsEntry("version", 1L).containsEntry("last_event_id", once.eventId());
        assertThat(eventsOf(organisation)).as("one change, one event").isOne();
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneIsRecordedStaleAndChangesNothing() {
        publish(jira.polled("ooo-1", "version 2", 20), jira.polled("ooo-1", "version 1", 10));

        await("version 1 recorded stale").atMost(APPLY).until(() -> Long.valueOf(1).equals(task(organisation, "ooo-1").get("stale_count")));
        var stored = task(organisation, "ooo-1");
        assertThat(stored.get("title")).isEqualTo("version 2");
        assertThat(stored.get("version")).isEqualTo(1L);
        assertThat((String) stored.get("last_stale_reason")).contains("older than the stored");
        assertThat(eventsOf(organisation)).isOne();
        assertThat(count("select count(*) from sync.external_task_events where organisation_id = ? and outcome = 'stale'",
                organisation.value())).isOne();
    }

    @Test
    void aNewerVersionUpdatesTheTaskAndAnnouncesThePreviousStatus() {
        try (var probe = KafkaProbe.on(Topics.EXTERNAL_TASK_UPDATES)) {
            publish(jira.polled("upd-1", "first", 1, null, "To Do"), jira.polled("upd-1", "second", 2, null, "Done"));

            var events = probe.awaitMatching(r -> r.key().equals(jira.key("upd-1")), 2, APPLY);
            assertThat(events.get(1).envelope().payload()).satisfies(updated -> {
                assertThat(updated.change()).isEqualTo(ExternalTaskUpdated.Change.UPDATED);
                assertThat(updated.status()).isEqualTo("Done");
                assertThat(updated.previousStatus()).isEqualTo("To Do");
                assertThat(updated.version()).isEqualTo(2);
            });
            assertThat(task(organisation, "upd-1")).containsEntry("title", "second").containsEntry("version", 2L);
        }
    }

    @Test
    void aTombstoneMarksTheTaskDeletedButNotWhenANewerVersionExists() {
        publish(jira.polled("del-1", "doomed", 1), jira.deleted("del-1", 2));
        publish(jira.polled("keep-1", "survivor", 20), jira.deleted("keep-1", 10));

        await("del-1 deleted").atMost(APPLY).until(() -> Boolean.TRUE.equals(task(organisation, "del-1").get("deleted")));
        await("keep-1's old tombstone recorded stale").atMost(APPLY)
                .until(() -> Long.valueOf(1).equals(task(organisation, "keep-1").get("stale_count")));
        assertThat(task(organisation, "del-1")).containsEntry("version", 2L).containsEntry("source", "webhook")
                .containsEntry("title", "doomed");
        assertThat(task(organisation, "keep-1")).containsEntry("deleted", false).containsEntry("version", 1L);
        assertThat(query("select payload->'payload'->>'change' as change from sync.outbox where message_key = ? order by seq",
                jira.key("del-1").format())).extracting(row -> row.get("change")).containsExactly("created", "deleted");
    }

    @Test
    void observationsOfOneTaskInOneBatchApplyInOrder() {
        List<EventEnvelope<TaskObserved>> versions = new ArrayList<>();
        for (int minute = 1; minute <= 20; minute++) {
            versions.add(jira.polled("burst-1", "edit " + minute, minute));
        }
        publish(versions, 1);

        await("the newest version applied").atMost(APPLY).until(() -> "edit 20".equals(task(organisation, "burst-1").get("title")));
        assertThat(task(organisation, "burst-1")).containsEntry("version", 20L).containsEntry("stale_count", 0L);
        TaskKey key = jira.key("burst-1");
        assertThat(count("select count(*) from sync.outbox where message_key = ?", key.format())).isEqualTo(20);
    }
}
