package org.integrationhub.sync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.integrationhub.sync.SyncWorkerApplication;
import org.integrationhub.sync.SyncWorkerTest;
import org.integrationhub.sync.tasks.OrganisationLocks;
import org.integrationhub.testsupport.PostgresEndpoint;
import org.integrationhub.testsupport.RealInfrastructureInitializer;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.integrationhub.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Replay jobs outlive the instance that ran them: a second sync-worker starts a replay and stops
 * mid-way; this one still lists it, as interrupted, with the counts it reached. A job whose
 * instance died without a word reads as interrupted once its heartbeat is a minute old.
 */
class ReplayJobsRestartIT extends SyncWorkerTest {

    private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> PROGRESS = new ParameterizedTypeReference<>() {
    };

    @Test
    @SuppressWarnings("unchecked")
    void aReplayRunningWhenItsInstanceStopsIsListedAsInterruptedWithItsCounts() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        publish(IntStream.range(0, 5_000).mapToObj(i -> jira.polled("restart-" + i, "title " + i, 1)).toList(), 500);
        await("5,000 applied").atMost(Duration.ofSeconds(120)).until(() -> tasksOf(organisation) == 5_000);

        String id;
        var other = new SpringApplicationBuilder(SyncWorkerApplication.class).initializers(new RealInfrastructureInitializer())
                .run("--server.port=0", "--spring.kafka.listener.auto-startup=false"); // arguments: they outrank application.yml
        // the organisation's lock, held exclusively as a mapping change would: the replay's first batch waits for it
        try (other; var lock = organisationLock()) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
            Map<String, Object> started = ops(otherPort).post().uri("/api/ops/replays").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("from", start.toString(), "organisationId", organisation.value().toString())).exchange()
                    .expectStatus().isAccepted().expectBody(PROGRESS).returnResult().getResponseBody().get("data");
            id = started.get("id").toString();
            await("the replay's first batch waits").atMost(Duration.ofSeconds(30)).until(() -> ((Number) ops(otherPort).get()
                    .uri("/api/ops/replays/" + id).exchange().expectBody(PROGRESS).returnResult().getResponseBody().get("data")
                    .get("read")).longValue() > 0);

            var stopped = CompletableFuture.runAsync(other::close); // the other instance stops with its replay under way
            await("the stopping instance marked its replay").atMost(Duration.ofSeconds(30))
                    .until(() -> count("select count(*) from sync.replay_jobs where id = ? and status = 'interrupted'", UUID.fromString(id)) == 1);
            lock.rollback();
            stopped.get(60, TimeUnit.SECONDS);
        }

        Map<String, Object> saved = progress(id);
        assertThat(saved).containsEntry("status", "interrupted");
        assertThat(saved.get("finishedAt")).isNotNull();
        long read = ((Number) saved.get("read")).longValue();
        assertThat(read).as("stopped part-way").isLessThan(((Number) saved.get("total")).longValue());
        assertThat(((Number) saved.get("duplicate")).longValue()).as("what it applied before it stopped is saved")
                .isLessThanOrEqualTo(read);
        assertThat(((Map<String, Object>) saved.get("request"))).containsEntry("topic", "integration.task-observations").containsEntry("mode", "safe");
        assertThat(ops(port).get().uri("/api/ops/replays").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody()).contains(id);
    }

    @Test
    void aRunningJobWithoutAHeartbeatForAMinuteReadsAsInterrupted() {
        UUID id = UUID.randomUUID();
        query("insert into sync.replay_jobs (id, status, request, started_by, started_at, heartbeat_at) values (?, 'running', "
                + "'{\"topic\":\"integration.task-observations\",\"mode\":\"safe\"}'::jsonb, ?, now() - interval '5 minutes', "
                + "now() - interval '2 minutes') returning id", id, UUID.randomUUID());
        assertThat(progress(id.toString())).containsEntry("status", "interrupted");
    }

    /** A JDBC transaction holding the organisation's advisory lock exclusively (see {@code OrganisationLocks}). */
    private Connection organisationLock() throws SQLException {
        PostgresEndpoint postgres = SharedInfrastructure.get().postgres();
        Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
        connection.setAutoCommit(false);
        try (var statement = connection.prepareStatement("select pg_advisory_xact_lock(?, hashtext(?))")) {
            statement.setInt(1, OrganisationLocks.NAMESPACE);
            statement.setString(2, organisation.toString());
            statement.execute();
        }
        return connection;
    }

    private Map<String, Object> progress(String id) {
        return ops(port).get().uri("/api/ops/replays/" + id).exchange().expectStatus().isOk().expectBody(PROGRESS).returnResult()
                .getResponseBody().get("data");
    }

    private WebTestClient ops(int port) {
        String token = TestTokens.shared().user(UUID.randomUUID(), organisation, "ops");
        return WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBearerAuth(token)).build();
    }
}
