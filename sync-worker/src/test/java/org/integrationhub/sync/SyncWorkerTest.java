package org.integrationhub.sync;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.Topics;
import org.integrationhub.support.kafka.EventPublisher;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.PostgresEndpoint;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.integrationhub.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * sync-worker on real Kafka and Postgres: publishes observations as the fetch and normalise
 * stages would, and reads the {@code sync} schema back over JDBC.
 */
@HubIntegrationTest
public abstract class SyncWorkerTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected EventPublisher publisher;

    @Autowired
    protected MeterRegistry meters;

    protected final OrgId organisation = OrgId.random();
    protected final Observations jira = new Observations(organisation, ExternalSystem.JIRA);

    protected WebTestClient http(OrgId org) {
        return http(org, UUID.randomUUID(), "member");
    }

    /** A client with a hub user token of that user and organisation and those roles ("member", "ops", ...). */
    protected WebTestClient http(OrgId org, UUID user, String... roles) {
        String token = TestTokens.shared().user(user, org, roles);
        return WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    /** Publishes the observations, up to {@code concurrency} in flight, and waits for the broker's acknowledgements. */
    protected void publish(List<EventEnvelope<TaskObserved>> observations, int concurrency) {
        Flux.fromIterable(observations)
                .flatMap(envelope -> publisher.publish(Topics.TASK_OBSERVATIONS, keyOf(envelope), envelope), concurrency)
                .then().block(Duration.ofSeconds(60));
    }

    @SafeVarargs
    protected final void publish(EventEnvelope<TaskObserved>... observations) {
        publish(List.of(observations), 1);
    }

    /** Publishes a user mapping (or, with a null resource, its removal) as mapping-service would. */
    protected void publishMapping(org.integrationhub.events.UserMappingKey key, org.integrationhub.events.UserMappingChanged changed) {
        var envelope = EventEnvelope.of(org.integrationhub.events.EventTypes.USER_MAPPING_CHANGED, organisation,
                "user-mapping:" + changed.mappingId() + ":" + UUID.randomUUID(), changed, java.time.Clock.systemUTC());
        publisher.publish(Topics.USER_MAPPINGS, key, envelope).block(Duration.ofSeconds(15));
    }

    protected static org.integrationhub.events.TaskKey keyOf(EventEnvelope<TaskObserved> envelope) {
        return new org.integrationhub.events.TaskKey(envelope.orgId(), envelope.payload().system(), envelope.payload().externalId());
    }

    protected double counted(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * Records on the observations' dead-letter topic whose key matches, read from the start: waits
     * (bounded, labelled) until {@code atLeast} were read, or, with 0, reads for {@code atMost}.
     */
    protected static List<ConsumerRecord<String, byte[]>> deadLetters(Predicate<String> keyMatches, int atLeast, Duration atMost) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TASK_OBSERVATIONS.deadLetter().name()));
            Callable<Boolean> read = () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && keyMatches.test(r.key())) {
                        found.add(r);
                    }
                });
                return atLeast > 0 && found.size() >= atLeast;
            };
            if (atLeast > 0) {
                await(atLeast + " record(s) on " + Topics.TASK_OBSERVATIONS.deadLetter()).atMost(atMost).until(read);
            } else {
                await("reading " + Topics.TASK_OBSERVATIONS.deadLetter() + " for " + atMost).during(atMost)
                        .atMost(atMost.plusSeconds(5)).until(() -> read.call() || true);
            }
        }
        return found;
    }

    // --- the sync schema, read over JDBC --------------------------------------------------------

    protected static long count(String sql, Object... params) {
        return ((Number) query(sql, params).get(0).values().iterator().next()).longValue();
    }

    protected static long tasksOf(OrgId org) {
        return count("select count(*) from sync.external_tasks where organisation_id = ?", org.value());
    }

    /** Outbox rows announcing changes of the organisation's tasks. */
    protected static long eventsOf(OrgId org) {
        return count("select count(*) from sync.outbox where aggregate_type = 'external_task' and message_key like ?", org + ":%");
    }

    protected static Map<String, Object> task(OrgId org, String externalId) {
        List<Map<String, Object>> rows = query("select * from sync.external_tasks where organisation_id = ? and external_id = ?",
                org.value(), externalId);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    protected static List<Map<String, Object>> query(String sql, Object... params) {
        PostgresEndpoint postgres = SharedInfrastructure.get().postgres();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
