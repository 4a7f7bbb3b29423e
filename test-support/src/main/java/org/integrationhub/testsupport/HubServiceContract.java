package org.integrationhub.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.support.kafka.EventPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every hub service must do once it is booted on real Kafka and Postgres: report health
 * UP, serve Prometheus metrics and an OpenAPI document, have migrated its own schema (and only
 * that), put the caller's request id into its log lines and outbound calls, and move an envelope through Kafka with its own producer and consumer configuration.
 * Each service's {@code *ServiceIT} extends this and says what it owns.
 */
@HubIntegrationTest
@Import(RequestIdProbe.class)
public abstract class HubServiceContract {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    /** The Postgres schema this service owns, or empty if it keeps nothing durable. */
    protected abstract Optional<String> ownSchema();

    /** An envelope this service publishes, on its topic, or empty if the service uses no Kafka. */
    protected abstract Optional<RoundTrip<?, ?>> roundTrip();

    /** A hub user token this service accepts; services that verify against other keys than {@link TestTokens} override it. */
    protected String userToken() {
        return TestTokens.shared().user(java.util.UUID.randomUUID(), org.integrationhub.events.OrgId.random());
    }

    protected WebTestClient http() {
        return WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
    }

    @Test
    void reportsHealthUp() {
        http().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void servesPrometheusMetrics() {
        http().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    @Test
    void servesOpenApiDocument() {
        http().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").exists();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logsAndForwardsTheRequestIdItWasGiven(CapturedOutput output) {
        String requestId = "contract-" + java.util.UUID.randomUUID();
        String token = userToken();

        http().get().uri("/api/_request-id").header("X-Request-Id", requestId).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", requestId)
                .expectBody().jsonPath("$.data.forwarded").isEqualTo(requestId);
        assertThat(output.getAll().lines().filter(line -> line.contains("request id probe after a thread hop")))
                .as("the probe's log line").singleElement().asString().contains("[" + requestId + "]");

        http().get().uri("/api/_request-id").header("X-Request-Id", "not plausible: spaces").headers(h -> h.setBearerAuth(token))
                .exchange().expectHeader().value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void migratedItsOwnSchemaOnly() throws Exception {
        Optional<String> schema = ownSchema();
        if (schema.isEmpty()) {
            assertThat(context.containsBean("flyway")).as("a service without a schema runs no migrations").isFalse();
            return;
        }
        int migrationFiles = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/migration/V*__*.sql").length;
        assertThat(migrationFiles).as("migration scripts on the classpath").isPositive();
        assertThat(appliedMigrations(schema.get())).as("successful migrations in schema " + schema.get())
                .isEqualTo(migrationFiles);
        assertThat(tablesIn("public")).as("tables created outside the service's own schema").isZero();
    }

    @Test
    void movesAnEnvelopeThroughKafkaWithItsOwnConfiguration() {
        Optional<RoundTrip<?, ?>> roundTrip = roundTrip();
        if (roundTrip.isEmpty()) {
            assertThat(context.getBeanNamesForType(EventPublisher.class)).as("a service without Kafka publishes nothing").isEmpty();
            return;
        }
        RoundTrip<?, ?> trip = roundTrip.get();
        trip.publishWith(context.getBean(EventPublisher.class)).block(Duration.ofSeconds(15));

        @SuppressWarnings("unchecked")
        ConsumerFactory<String, EventEnvelope<?>> consumers = context.getBean(ConsumerFactory.class);
        List<ConsumerRecord<String, EventEnvelope<?>>> received = new ArrayList<>();
        try (Consumer<String, EventEnvelope<?>> consumer =
                consumers.createConsumer("contract-" + trip.envelope().eventId(), null)) {
            consumer.subscribe(List.of(trip.topic().name()));
            await("envelope " + trip.envelope().eventId() + " read back from " + trip.topic().name())
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                        return received.stream().anyMatch(r -> trip.envelope().equals(r.value()));
                    });
        }
        ConsumerRecord<String, EventEnvelope<?>> record = received.stream()
                .filter(r -> trip.envelope().equals(r.value())).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(trip.formattedKey());
    }

    private static int appliedMigrations(String schema) throws SQLException {
        return count("select count(*) from " + schema + ".flyway_schema_history where version is not null and success");
    }

    private static int tablesIn(String schema) throws SQLException {
        return count("select count(*) from information_schema.tables where table_schema = '" + schema + "'");
    }

    private static int count(String sql) throws SQLException {
        PostgresEndpoint postgres = SharedInfrastructure.get().postgres();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
