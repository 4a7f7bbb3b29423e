package org.integrationhub.sync.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.ExternalTaskUpdated;
import org.integrationhub.events.MappingId;
import org.integrationhub.events.Person;
import org.integrationhub.events.ResourceId;
import org.integrationhub.events.Topics;
import org.integrationhub.events.UserMappingChanged;
import org.integrationhub.events.UserMappingKey;
import org.integrationhub.sync.SyncWorkerTest;
import org.integrationhub.sync.tasks.OrganisationLocks;
import org.integrationhub.testsupport.PostgresEndpoint;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.integrationhub.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

/** The user-mapping replica fills and clears the resource of the organisation's tasks, each change announced. */
class MappingReplicaIT extends SyncWorkerTest {

    private static final Duration APPLY = Duration.ofSeconds(60);
    private static final Person MIA = new Person("acc-mia", "Mia@Example.com", "Mia Krystof");
    private static final Person BOB = new Person("acc-bob", null, "Bob");

    private Object resourceOf(String externalId) {
        return task(organisation, externalId).get("resource_id");
    }

    @Test
    void aMappingCreatedAfterTheTasksFillsTheirResourceAndAnnouncesEachAndItsRemovalClearsIt() {
        publish(jira.polled("m-1", "one", 1, MIA, "To Do"), jira.polled("m-2", "two", 1, MIA, "To Do"),
                jira.polled("m-3", "three", 1, BOB, "To Do"));
        await("three tasks applied").atMost(APPLY).until(() -> tasksOf(organisation) == 3);
        assertThat(resourceOf("m-1")).isNull();

        ResourceId resource = ResourceId.random();
        UserMappingKey key = new UserMappingKey(organisation, ExternalSystem.JIRA, "acc-mia");
        try (var probe = KafkaProbe.on(Topics.EXTERNAL_TASK_UPDATES)) {
            publishMapping(key, new UserMappingChanged(MappingId.random(), ExternalSystem.JIRA, "mia@example.com", "acc-mia", resource,
                    Instant.now()));

            await("Mia's tasks mapped").atMost(APPLY)
                    .until(() -> resource.value().equals(resourceOf("m-1")) && resource.value().equals(resourceOf("m-2")));
            var events = probe.awaitMatching(r -> r.key().orgId().equals(organisation) && r.envelope().payload().version() == 2, 2, APPLY);
            assertThat(events).allSatisfy(r -> {
                assertThat(r.envelope().payload().resourceId()).isEqualTo(resource);
                assertThat(r.envelope().payload().change()).isEqualTo(ExternalTaskUpdated.Change.UPDATED);
            });
            assertThat(resourceOf("m-3")).as("Bob is not mapped").isNull();
            assertThat(task(organisation, "m-1")).containsEntry("version", 2L);

            publish(jira.polled("m-4", "four", 2, new Person(null, "mia@example.com", null), "To Do"));
            await("a task observed after the mapping gets it at once (by e-mail, any case)").atMost(APPLY)
                    .until(() -> resource.value().equals(resourceOf("m-4")));

            publisher.tombstone(Topics.USER_MAPPINGS, key).block(Duration.ofSeconds(15));
            await("the removed mapping cleared").atMost(APPLY)
                    .until(() -> resourceOf("m-1") == null && resourceOf("m-2") == null && resourceOf("m-4") == null);
            assertThat(task(organisation, "m-1")).containsEntry("version", 3L);
            assertThat(eventsOf(organisation)).as("3 created + m-4 created + 2 mapped + 3 unmapped").isEqualTo(9);
        }
    }

    @Test
    void aMappingByEmailAppliesToTasksWhoseAssigneeHasThatEmail() {
        publish(jira.polled("e-1", "one", 1, new Person(null, "Dev@Example.com", "Dev"), "To Do"));
        await("task applied").atMost(APPLY).until(() -> tasksOf(organisation) == 1);

        ResourceId resource = ResourceId.random();
        publishMapping(new UserMappingKey(organisation, ExternalSystem.JIRA, "email:dev@example.com"),
                new UserMappingChanged(MappingId.random(), ExternalSystem.JIRA, "dev@example.com", null, resource, Instant.now()));

        await("mapped by e-mail").atMost(APPLY).until(() -> resource.value().equals(resourceOf("e-1")));
        assertThat(count("select count(*) from sync.user_mapping_replica where organisation_id = ?", organisation.value())).isOne();
    }

    @Test
    void aMappingChangeWaitsForAnApplyInFlightSoNeitherMissesTheOther() throws Exception {
        PostgresEndpoint postgres = SharedInfrastructure.get().postgres();
        ResourceId resource = ResourceId.random();
        try (var applying = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            // what an apply batch does: its organisation's lock shared, then a task of an assignee nobody maps yet
            applying.setAutoCommit(false);
            try (var lock = applying.prepareStatement("select pg_advisory_xact_lock_shared(" + OrganisationLocks.NAMESPACE + ", hashtext(?))");
                    var insert = applying.prepareStatement("insert into sync.external_tasks (id, organisation_id, connection_id, "
                            + "external_system, external_id, assignee_user_id, source_updated_at, content_hash, version, last_event_id, "
                            + "source) values (?, ?, ?, 'jira', 'in-flight', 'acc-late', now(), 'h', 1, ?, 'poll')")) {
                lock.setString(1, organisation.toString());
                lock.execute();
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, organisation.value());
                insert.setObject(3, UUID.randomUUID());
                insert.setObject(4, UUID.randomUUID());
                insert.executeUpdate();
            }
            publishMapping(new UserMappingKey(organisation, ExternalSystem.JIRA, "acc-late"),
                    new UserMappingChanged(MappingId.random(), ExternalSystem.JIRA, null, "acc-late", resource, Instant.now()));
            await("the mapping change waits while the apply is in flight").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> count("select count(*) from sync.user_mapping_replica where organisation_id = ?", organisation.value()) == 0);
            applying.commit();
        }
        await("the task committed meanwhile is mapped").atMost(APPLY).until(() -> resource.value().equals(resourceOf("in-flight")));
    }
}
