package org.integrationhub.sync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.sync.Observations;
import org.integrationhub.sync.SyncWorkerTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A replay of a slice of the observations, in the background: what was applied stays unchanged, and the counts add up. */
class ReplayJobsIT extends SyncWorkerTest {

    private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> PROGRESS = new ParameterizedTypeReference<>() {
    };

    private final OrgId neighbour = OrgId.random();

    private WebTestClient ops() {
        return http(organisation, UUID.randomUUID(), "ops");
    }

    @Test
    void replayingAnOrganisationsAppliedObservationsChangesNothingAndCountsEveryRecord() {
        Instant start = Instant.now().minusSeconds(1);
        List<EventEnvelope<TaskObserved>> ours = IntStream.range(0, 30).mapToObj(i -> jira.polled("replay-" + i, "title " + i, 1)).toList();
        var theirs = new Observations(neighbour, ExternalSystem.JIRA);
        publish(ours, 8);
        publish(IntStream.range(0, 5).mapToObj(i -> theirs.polled("other-" + i, "theirs", 1)).toList(), 5);
        await("all applied").atMost(Duration.ofSeconds(60)).until(() -> tasksOf(organisation) == 30 && tasksOf(neighbour) == 5);
        await("every event written").atMost(Duration.ofSeconds(30)).until(() -> eventsOf(organisation) == 30);
        var rowsBefore = query("select id, version, updated_at, last_event_id from sync.external_tasks where organisation_id = ? order by id",
                organisation.value());

        Map<String, Object> started = ops().post().uri("/api/ops/replays").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", start.toString(), "organisationId", organisation.value().toString())).exchange()
                .expectStatus().isAccepted().expectBody(PROGRESS).returnResult().getResponseBody().get("data");
        String id = started.get("id").toString();

        Map<String, Object> done = await("the replay finished").atMost(Duration.ofSeconds(60))
                .until(() -> progress(id), p -> !"running".equals(p.get("status")));
        assertThat(done).containsEntry("status", "succeeded").containsEntry("duplicate", 30).containsEntry("applied", 0)
                .containsEntry("unchanged", 0).containsEntry("stale", 0);
        long read = ((Number) done.get("read")).longValue();
        assertThat(read).as("the slice: ours, the neighbour's, and whatever else was published since").isGreaterThanOrEqualTo(35)
                .isEqualTo(((Number) done.get("total")).longValue());
        assertThat(read).as("the counts add up").isEqualTo(((Number) done.get("skipped")).longValue()
                + ((Number) done.get("unreadable")).longValue() + 30);

        assertThat(query("select id, version, updated_at, last_event_id from sync.external_tasks where organisation_id = ? order by id",
                organisation.value())).as("no row changed").isEqualTo(rowsBefore);
        assertThat(eventsOf(organisation)).as("no event").isEqualTo(30);
        assertThat(count("select count(*) from sync.ops_audit where action = 'replays.start' and parameters ->> 'organisationId' = ?",
                organisation.value().toString())).isOne();
    }

    @Test
    void replayingTenThousandAppliedObservationsChangesNoRowAndEmitsNoEvent() {
        Instant start = Instant.now().minusSeconds(1);
        publish(IntStream.range(0, 10_000).mapToObj(i -> jira.polled("bulk-" + i, "title " + i, 1)).toList(), 500);
        await("10,000 applied").atMost(Duration.ofSeconds(120)).until(() -> tasksOf(organisation) == 10_000);
        await("every event written").atMost(Duration.ofSeconds(60)).until(() -> eventsOf(organisation) == 10_000);
        String rowsBefore = fingerprint();
        long keysBefore = count("select count(*) from sync.external_task_events where organisation_id = ?", organisation.value());

        Map<String, Object> done = replay(Map.of("from", start.toString(), "organisationId", organisation.value().toString()),
                Duration.ofSeconds(120));
        assertThat(done).containsEntry("status", "succeeded").containsEntry("observations", 10_000).containsEntry("duplicate", 10_000)
                .containsEntry("applied", 0).containsEntry("unchanged", 0).containsEntry("stale", 0);
        assertThat(number(done, "read")).as("the counts add up").isEqualTo(number(done, "total"))
                .isEqualTo(number(done, "skipped") + number(done, "unreadable") + 10_000);

        assertThat(fingerprint()).as("no row changed").isEqualTo(rowsBefore);
        assertThat(count("select count(*) from sync.external_task_events where organisation_id = ?", organisation.value()))
                .isEqualTo(keysBefore);
        assertThat(eventsOf(organisation)).as("no event").isEqualTo(10_000);
    }

    /** Every task row of the organisation, as one digest (comparing 10,000 rows field by field is slow to report). */
    private String fingerprint() {
        return query("select md5(string_agg(id::text || version || updated_at::text || last_event_id::text || content_hash, ',' "
                + "order by id)) as digest from sync.external_tasks where organisation_id = ?", organisation.value()).get(0).get("digest")
                .toString();
    }

    private Map<String, Object> replay(Map<String, Object> request, Duration atMost) {
        Map<String, Object> started = ops().post().uri("/api/ops/replays").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange().expectStatus().isAccepted().expectBody(PROGRESS).returnResult().getResponseBody().get("data");
        String id = started.get("id").toString();
        return await("the replay finished").atMost(atMost).until(() -> progress(id), p -> !"running".equals(p.get("status")));
    }

    private static long number(Map<String, Object> progress, String field) {
        return ((Number) progress.get(field)).longValue();
    }

    @Test
    void aCancelledReplayStopsAfterItsCurrentBatch() {
        Instant start = Instant.now().minusSeconds(1);
        publish(IntStream.range(0, 1500).mapToObj(i -> jira.polled("many-" + i, "title " + i, 1)).toList(), 50);
        Map<String, Object> started = ops().post().uri("/api/ops/replays").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", start.toString(), "organisationId", organisation.value().toString())).exchange()
                .expectStatus().isAccepted().expectBody(PROGRESS).returnResult().getResponseBody().get("data");
        String id = started.get("id").toString();
        ops().post().uri("/api/ops/replays/" + id + "/cancel").exchange().expectStatus().isOk();

        Map<String, Object> ended = await("the replay ended").atMost(Duration.ofSeconds(60))
                .until(() -> progress(id), p -> !"running".equals(p.get("status")));
        assertThat(ended).containsEntry("status", "cancelled");
        assertThat(((Number) ended.get("read")).longValue()).as("stopped early").isLessThan(((Number) ended.get("total")).longValue());
        assertThat(ended.get("finishedAt")).isNotNull();
    }

    @Test
    void anUnknownReplayIsNotFoundAndABadRangeIsRefused() {
        ops().get().uri("/api/ops/replays/" + UUID.randomUUID()).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("replay_not_found");
        ops().post().uri("/api/ops/replays").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("partition", 0, "fromOffset", 5, "toOffset", 1)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("fromOffset");
        ops().post().uri("/api/ops/replays").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("topic", "integration.sync-requests")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("topic");
        ops().post().uri("/api/ops/replays").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("mode", "renormalise")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("mode");
    }

    private Map<String, Object> progress(String id) {
        return ops().get().uri("/api/ops/replays/" + id).exchange().expectStatus().isOk().expectBody(PROGRESS).returnResult()
                .getResponseBody().get("data");
    }
}
