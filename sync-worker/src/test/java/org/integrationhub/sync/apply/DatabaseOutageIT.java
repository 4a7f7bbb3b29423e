package org.integrationhub.sync.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.MappingId;
import org.integrationhub.events.Person;
import org.integrationhub.events.ResourceId;
import org.integrationhub.events.UserMappingChanged;
import org.integrationhub.events.UserMappingKey;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.Topics;
import org.integrationhub.sync.ConsumerGroups;
import org.integrationhub.sync.SyncWorkerTest;
import org.integrationhub.sync.TcpProxy;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.PostgresEndpoint;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service's R2DBC connections go through a TCP proxy that the test cuts: a real database
 * outage as the service sees it (connections dropped, new ones refused). Flyway and the test's
 * own JDBC reads go straight to Postgres.
 */
@HubIntegrationTest(properties = {"hub.sync.consumers.database-max-interval=1s", "hub.sync.consumers.transaction-timeout=5s",
        // a record at fault would be dead-lettered within a second: the outage below lasts five times as long
        "hub.sync.consumers.retries.attempts=2", "hub.sync.consumers.retries.initial-interval=200ms",
        "hub.sync.consumers.retries.max-interval=400ms"})
class DatabaseOutageIT extends SyncWorkerTest {

    private static final String APPLY_GROUP = "sync-worker.apply";
    private static final PostgresEndpoint POSTGRES = SharedInfrastructure.get().postgres();
    private static final TcpProxy PROXY = new TcpProxy(POSTGRES.host(), POSTGRES.port());

    @DynamicPropertySource
    static void connectThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://127.0.0.1:" + PROXY.port() + "/" + POSTGRES.database() + "?schema=sync");
    }

    @AfterAll
    static void closeProxy() {
        PROXY.restore();
    }

    private static final Person MIA = new Person("acc-mia", null, "Mia");
    private static final ResourceId RESOURCE = ResourceId.random();
    private final UserMappingKey mappingKey = new UserMappingKey(organisation, ExternalSystem.JIRA, "acc-mia");

    private EventEnvelope<UserMappingChanged> mapping() {
        return EventEnvelope.of(EventTypes.USER_MAPPING_CHANGED, organisation, "user-mapping:outage:1",
                new UserMappingChanged(MappingId.random(), ExternalSystem.JIRA, null, "acc-mia", RESOURCE, Instant.now()), Clock.systemUTC());
    }

    private double databaseFailures() {
        return counted("sync.consumer.database.unavailable", "listener", ObservationListener.ID);
    }

    @Test
    void aDatabaseOutagePausesTheApplyStageWithoutDeadLetteringOrCommittingAndEverythingAppliesAfterwards() throws Exception {
        publish(jira.polled("before-outage", "applied through the proxy", 1));
        try (var groups = new ConsumerGroups()) {
            await("applied before the outage, offsets committed").atMost(Duration.ofSeconds(60))
                    .until(() -> tasksOf(organisation) == 1 && groups.caughtUp(APPLY_GROUP, Topics.TASK_OBSERVATIONS));
            Map<TopicPartition, Long> committedBefore = groups.committed(APPLY_GROUP, Topics.TASK_OBSERVATIONS);
            double failuresBefore = databaseFailures();
            List<EventEnvelope<TaskObserved>> during = IntStream.range(0, 20)
                    .mapToObj(i -> jira.polled("outage-" + i, "observed while the database is down", 2, i == 0 ? MIA : null, "To Do")).toList();

            PROXY.cut();
            try {
                publish(during, 8);
                publisher.publish(Topics.USER_MAPPINGS, mappingKey, mapping()).block(Duration.ofSeconds(15));
                await("the apply stage met the dead database and keeps retrying").atMost(Duration.ofSeconds(30))
                        .until(() -> databaseFailures() - failuresBefore >= 3);
                await("for five seconds of outage, well past the bounded retries: no offset committed past unpersisted records")
                        .during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                        .until(() -> groups.committed(APPLY_GROUP, Topics.TASK_OBSERVATIONS).equals(committedBefore));
                assertThat(tasksOf(organisation)).isOne();
                assertThat(deadLetters(key -> key.startsWith(organisation.toString()), 0, Duration.ofSeconds(1))).isEmpty();
            } finally {
                PROXY.restore();
            }

            await("everything applied after the database came back").atMost(Duration.ofSeconds(60))
                    .until(() -> tasksOf(organisation) == 21 && groups.caughtUp(APPLY_GROUP, Topics.TASK_OBSERVATIONS));
            await("the mapping published during the outage applied afterwards").atMost(Duration.ofSeconds(60))
                    .until(() -> RESOURCE.value().equals(task(organisation, "outage-0").get("resource_id")));
            // after the outage the mapping replica and the apply stage retry side by side: the mapping may come first
            // (outage-0 is created mapped, version 1) or second (outage-0 is re-assigned, version 2); either way one
            // event per version, none twice
            long versions = count("select sum(version) from sync.external_tasks where organisation_id = ?", organisation.value());
            assertThat(versions).isBetween(21L, 22L);
            assertThat(eventsOf(organisation)).as("one event per task version; none twice").isEqualTo(versions);
            assertThat(deadLetters(key -> key.startsWith(organisation.toString()), 0, Duration.ofSeconds(3))).as("nothing dead-lettered").isEmpty();
        }
    }

    @Test
    void connectionsCutInTheMiddleOfApplyingLeaveNothingHalfDoneAndEachObservationAppliesOnce() throws Exception {
        List<EventEnvelope<TaskObserved>> many = IntStream.range(0, 1000)
                .mapToObj(i -> jira.polled("mid-" + i, "applied across a cut", 3)).toList();
        double failuresBefore = databaseFailures();
        publish(many, 64);
        try {
            await("the first batches committed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> tasksOf(organisation) > 0);
            PROXY.cut();
            long appliedAtTheCut = tasksOf(organisation);
            assertThat(appliedAtTheCut).as("cut while batches were still being applied").isLessThan(1000);
            await("the apply stage met the dead database").atMost(Duration.ofSeconds(30)).until(() -> databaseFailures() - failuresBefore > 0);
        } finally {
            PROXY.restore();
        }
        try (var groups = new ConsumerGroups()) {
            await("all 1,000 applied after the cut").atMost(Duration.ofSeconds(90))
                    .until(() -> tasksOf(organisation) == 1000 && groups.caughtUp(APPLY_GROUP, Topics.TASK_OBSERVATIONS));
        }
        assertThat(eventsOf(organisation)).as("exactly one event per task").isEqualTo(1000);
        assertThat(count("select count(*) from sync.external_tasks where organisation_id = ? and version <> 1", organisation.value()))
                .as("no task applied twice").isZero();
        assertThat(deadLetters(key -> key.startsWith(organisation.toString()), 0, Duration.ofSeconds(1))).isEmpty();
    }
}
