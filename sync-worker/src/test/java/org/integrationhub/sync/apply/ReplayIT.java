package org.integrationhub.sync.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.MappingId;
import org.integrationhub.events.Person;
import org.integrationhub.events.ResourceId;
import org.integrationhub.events.Topics;
import org.integrationhub.events.UserMappingChanged;
import org.integrationhub.events.UserMappingKey;
import org.integrationhub.sync.ConsumerGroups;
import org.integrationhub.sync.SyncWorkerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * An operator resets consumer groups to earliest with Kafka's own Admin API while their listener
 * containers are stopped (what {@code kafka-consumer-groups --reset-offsets --to-earliest} does), and
 * restarts them: nothing already applied changes, no outbox row is written, and nothing more is
 * published on {@code task.external-task-updates} (issue 12, ADR 0015).
 */
class ReplayIT extends SyncWorkerTest {

    private static final String APPLY_GROUP = "sync-worker.apply";
    private static final String MAPPINGS_GROUP = "sync-worker.user-mappings";

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    /** Everything the replay must leave as it is, across every organisation in the schema. */
    private static List<Map<String, Object>> snapshot() {
        return query("""
                select (select count(*) from sync.external_tasks) as tasks,
                       (select coalesce(sum(version), 0) from sync.external_tasks) as versions,
                       (select coalesce(sum(stale_count), 0) from sync.external_tasks) as stale,
                       (select count(*) from sync.external_tasks where deleted) as deleted,
                       (select count(resource_id) from sync.external_tasks) as mapped,
                       (select count(*) from sync.external_task_events) as idempotency_keys,
                       (select count(*) from sync.outbox) as outbox,
                       (select coalesce(sum(source_offset), 0) from sync.user_mapping_replica) as replica""");
    }

    @Test
    void replayingTheObservationsAndMappingsFromOffsetZeroChangesNothing() throws Exception {
        ResourceId resource = ResourceId.random();
        var key = new UserMappingKey(organisation, ExternalSystem.JIRA, "acc-r");
        var mapping = new UserMappingChanged(MappingId.random(), ExternalSystem.JIRA, null, "acc-r", resource, Instant.now());
        publisher.publish(Topics.USER_MAPPINGS, key, EventEnvelope.of(EventTypes.USER_MAPPING_CHANGED, organisation, "user-mapping:r:1",
                mapping, Clock.systemUTC())).block(Duration.ofSeconds(15));
        publish(jira.polled("r-1", "v1", 1, new Person("acc-r", null, null), "To Do"), jira.polled("r-1", "v2", 2),
                jira.polled("r-1", "old", 0), jira.polled("r-2", "gone", 1), jira.deleted("r-2", 3));
        publisher.publish(Topics.USER_MAPPINGS, key, EventEnvelope.of(EventTypes.USER_MAPPING_CHANGED, organisation, "user-mapping:r:2",
                new UserMappingChanged(mapping.mappingId(), ExternalSystem.JIRA, null, "acc-r", ResourceId.random(), Instant.now()),
                Clock.systemUTC())).block(Duration.ofSeconds(15));

        try (var groups = new ConsumerGroups()) {
            await("everything applied and committed").atMost(Duration.ofSeconds(60)).until(() -> tasksOf(organisation) == 2
                    && groups.caughtUp(APPLY_GROUP, Topics.TASK_OBSERVATIONS) && groups.caughtUp(MAPPINGS_GROUP, Topics.USER_MAPPINGS));
            await("every outbox row published").atMost(Duration.ofSeconds(30))
                    .until(() -> count("select count(*) from sync.outbox where published_at is null and failed_at is null") == 0);
            var before = snapshot();
            var eventsBefore = groups.endOffsets(Topics.EXTERNAL_TASK_UPDATES);
            double duplicatesBefore = counted("sync.apply.observations", "outcome", "duplicate");

            listeners.getListenerContainer(ObservationListener.ID).stop();
            listeners.getListenerContainer("user-mapping-replica").stop();
            await("both groups reset to offset 0").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                groups.resetToEarliest(APPLY_GROUP, Topics.TASK_OBSERVATIONS);
                groups.resetToEarliest(MAPPINGS_GROUP, Topics.USER_MAPPINGS);
            });
            assertThat(groups.caughtUp(APPLY_GROUP, Topics.TASK_OBSERVATIONS)).as("reset took effect").isFalse();
            listeners.getListenerContainer(ObservationListener.ID).start();
            listeners.getListenerContainer("user-mapping-replica").start();

            await("both topics consumed again to their end").atMost(Duration.ofSeconds(90))
                    .until(() -> groups.caughtUp(APPLY_GROUP, Topics.TASK_OBSERVATIONS) && groups.caughtUp(MAPPINGS_GROUP, Topics.USER_MAPPINGS));
            assertThat(counted("sync.apply.observations", "outcome", "duplicate") - duplicatesBefore)
                    .as("every replayed observation was a duplicate").isGreaterThanOrEqualTo(5);
            assertThat(snapshot()).isEqualTo(before);
            await("no event published on " + Topics.EXTERNAL_TASK_UPDATES).during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> groups.endOffsets(Topics.EXTERNAL_TASK_UPDATES).equals(eventsBefore));
        }
    }
}
