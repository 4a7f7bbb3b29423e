package org.integrationhub.sync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.integrationhub.events.Topics;
import org.integrationhub.sync.ConsumerGroups;
import org.integrationhub.sync.SyncWorkerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Consumer lag per group and partition and the dead-letter topics' sizes, on the operator API and as gauges. */
class PipelineHealthIT extends SyncWorkerTest {

    private static final String APPLY_GROUP = "sync-worker.apply";
    private static final String APPLY_LISTENER = "apply-observations";
    private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> SNAPSHOT =
            new ParameterizedTypeReference<>() {
            };

    private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> HEALTH = new ParameterizedTypeReference<>() {
    };

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void showsTheLagOfAStoppedGroupPerPartitionAndTheDeadLetterCountsOnTheApiAndAsGauges() throws Exception {
        try (var groups = new ConsumerGroups()) {
            await("the apply group caught up").atMost(Duration.ofSeconds(60)).until(() -> groups.caughtUp(APPLY_GROUP, Topics.TASK_OBSERVATIONS));
            listeners.getListenerContainer(APPLY_LISTENER).stop();
            try {
                publish(jira.polled("lag-1", "one", 1), jira.polled("lag-2", "two", 1), jira.polled("lag-3", "three", 1));

                Map<String, List<Map<String, Object>>> snapshot = lag();
                List<Map<String, Object>> apply = snapshot.get("lag").stream()
                        .filter(p -> APPLY_GROUP.equals(p.get("group")) && Topics.TASK_OBSERVATIONS.name().equals(p.get("topic"))).toList();
                assertThat(apply).as("one row per partition").hasSize(3)
                        .allSatisfy(p -> assertThat(((Number) p.get("lag")).longValue())
                                .as("end minus committed (never committed: from the first record, offset 0 here)")
                                .isEqualTo(((Number) p.get("end")).longValue()
                                        - (p.get("committed") == null ? 0 : ((Number) p.get("committed")).longValue())));
                assertThat(apply.stream().mapToLong(p -> ((Number) p.get("lag")).longValue()).sum()).isEqualTo(3);
                assertThat(snapshot.get("lag")).extracting(p -> p.get("group"))
                        .contains("sync-worker.normalise", "sync-worker.fetch", "sync-worker.user-mappings", "sync-worker.connections");

                assertThat(meters.find("sync.ops.consumer.lag").tags("group", APPLY_GROUP, "topic", Topics.TASK_OBSERVATIONS.name())
                        .gauges().stream().mapToDouble(Gauge::value).sum()).as("the gauges").isEqualTo(3.0);
                long deadLetters = snapshot.get("deadLetters").stream()
                        .filter(d -> d.get("topic").equals(Topics.TASK_OBSERVATIONS.deadLetter().name()))
                        .mapToLong(d -> ((Number) d.get("records")).longValue()).sum();
                assertThat(meters.find("sync.ops.dead.letters").tag("topic", Topics.TASK_OBSERVATIONS.deadLetter().name()).gauge().value())
                        .isEqualTo((double) deadLetters);
                assertThat(prometheus())
                        .containsPattern("sync_ops_consumer_lag_records\\{[^}]*group=\"sync-worker.apply\"").contains("sync_ops_dead_letters_records{");
            } finally {
                listeners.getListenerContainer(APPLY_LISTENER).start();
            }
            await("no lag once the group runs again").atMost(Duration.ofSeconds(60)).until(() -> lag().get("lag").stream()
                    .filter(p -> APPLY_GROUP.equals(p.get("group"))).allMatch(p -> ((Number) p.get("lag")).longValue() == 0));
            assertThat(tasksOf(organisation)).isEqualTo(3);
        }
    }

    @Test
    void showsEachStagesRateAndLastErrorOnTheHealthApiAndAsMeters() {
        publish(jira.polled("rate-1", "one", 1), jira.polled("rate-2", "two", 1));
        var misplaced = jira.polled("misplaced", "under another task's key", 1);
        publisher.publish(Topics.TASK_OBSERVATIONS, jira.key("someone-else"), misplaced).block(Duration.ofSeconds(30));
        await("applied").atMost(Duration.ofSeconds(60)).until(() -> tasksOf(organisation) == 2);

        Map<String, Object> health = await("the apply stage's error shows").atMost(Duration.ofSeconds(30)).until(this::health,
                h -> stage(h, "apply").get("lastError") != null);
        Map<String, Object> apply = stage(health, "apply");
        assertThat(apply.get("lastError").toString()).contains("PoisonRecord", "record key does not name the observed task");
        assertThat(apply.get("lastErrorAt")).isNotNull();
        assertThat(((Number) apply.get("records")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(((Number) apply.get("recordsPerSecond")).doubleValue()).as("a minute's records per second").isPositive();
        assertThat(health).containsKeys("at", "lag", "deadLetterTopics").containsEntry("syncRunsInProgress", 0)
                .containsEntry("kafkaUnreadable", null);
        assertThat(((List<?>) health.get("stages"))).hasSize(3);
        assertThat(((List<?>) health.get("lag"))).isNotEmpty();

        assertThat(meters.find("sync.stage.records.rate").tag("stage", "apply").gauge().value()).isPositive();
        assertThat(prometheus())
                .containsPattern("sync_stage_records_total\\{[^}]*stage=\"apply\"").containsPattern("sync_stage_records_rate\\{[^}]*stage=\"fetch\"")
                .containsPattern("sync_stage_last_error_time_seconds\\{[^}]*stage=\"apply\"").contains("sync_fetch_runs_in_progress");
    }

    /** The Prometheus scrape; it outgrows the default 256 KB buffer once many tests shared this context. */
    private String prometheus() {
        return WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private Map<String, Object> health() {
        return http(organisation, UUID.randomUUID(), "ops").get().uri("/api/ops/health").exchange().expectStatus().isOk()
                .expectBody(HEALTH).returnResult().getResponseBody().get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stage(Map<String, Object> health, String name) {
        return ((List<Map<String, Object>>) health.get("stages")).stream().filter(s -> name.equals(s.get("stage"))).findFirst().orElseThrow();
    }

    /** The snapshot's lists ({@code lag}, {@code deadLetters}). */
    @SuppressWarnings("unchecked")
    private Map<String, List<Map<String, Object>>> lag() {
        Map<String, Object> data = http(organisation, UUID.randomUUID(), "ops").get().uri("/api/ops/lag").exchange()
                .expectStatus().isOk().expectBody(SNAPSHOT).returnResult().getResponseBody().get("data");
        assertThat(data.get("at")).as("when it was read").isNotNull();
        return Map.of("lag", (List<Map<String, Object>>) data.get("lag"), "deadLetters", (List<Map<String, Object>>) data.get("deadLetters"));
    }
}
