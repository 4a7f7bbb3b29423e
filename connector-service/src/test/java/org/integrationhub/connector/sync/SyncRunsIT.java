package org.integrationhub.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.connector.ConnectorApi.PATH;
import static org.integrationhub.connector.ConnectorApi.read;

import java.time.Duration;
import java.util.Map;
import org.integrationhub.connector.ConnectorApi;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.SyncRequested;
import org.integrationhub.events.Topics;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@HubIntegrationTest
class SyncRunsIT {

    @LocalServerPort
    int port;

    private final OrgId org = OrgId.random();

    private ConnectorApi api() {
        return new ConnectorApi(port);
    }

    private WebTestClient.ResponseSpec syncNow(String connection) {
        return api().as(org).post().uri(PATH + "/" + connection + "/sync-now").exchange();
    }

    private WebTestClient.ResponseSpec progress(WebTestClient client, String run, Map<String, Object> body) {
        return client.post().uri("/internal/sync-runs/" + run + "/progress").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    @Test
    void syncNowQueuesARunAndPublishesExactlyOneSyncRequested() {
        try (var probe = KafkaProbe.on(Topics.SYNC_REQUESTS)) {
            String connection = api().createJira(org, "admin@acme.example");
            String run = read(syncNow(connection).expectStatus().isAccepted().expectBody()
                    .jsonPath("$.data.status").isEqualTo("queued"), "$.data.syncRunId");

            ConnectionId key = ConnectionId.of(connection);
            var records = probe.awaitMatching(r -> r.key().equals(key), 1, Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofSeconds(1))).filteredOn(r -> r.key().equals(key)).hasSize(1);
            var envelope = records.get(0).envelope();
            assertThat(envelope.type()).isEqualTo("integration.sync-requested");
            assertThat(envelope.orgId()).isEqualTo(org);
            assertThat(envelope.idempotencyKey()).isEqualTo("sync-run:" + run);
            assertThat(envelope.payload().syncRunId().value().toString()).isEqualTo(run);
            assertThat(envelope.payload().connectionId()).isEqualTo(key);
            assertThat(envelope.payload().system()).isEqualTo(ExternalSystem.JIRA);
            assertThat(envelope.payload().trigger()).isEqualTo(SyncRequested.Trigger.MANUAL);
        }
    }

    @Test
    void anotherSyncNowWhileOneIsPendingReturnsThatRun() {
        try (var probe = KafkaProbe.on(Topics.SYNC_REQUESTS)) {
            String connection = api().createJira(org, "admin@acme.example");
            String first = read(syncNow(connection).expectStatus().isAccepted(), "$.data.syncRunId");
            String second = read(syncNow(connection).expectStatus().isAccepted(), "$.data.syncRunId");
            assertThat(second).isEqualTo(first);

            ConnectionId key = ConnectionId.of(connection);
            probe.awaitMatching(r -> r.key().equals(key), 1, Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> r.key().equals(key)).hasSize(1);
        }
    }

    @Test
    void theWorkerReportsProgressAndTheHistoryShowsIt() {
        String connection = api().createJira(org, "admin@acme.example");
        String run = read(syncNow(connection).expectStatus().isAccepted(), "$.data.syncRunId");
        WebTestClient worker = api().asService("sync-worker", SyncController.PROGRESS_SCOPE);

        progress(worker, run, Map.of("status", "running", "pages", 1, "itemsSeen", 50, "itemsApplied", 40)).expectStatus().isOk();
        syncNow(connection).expectStatus().isAccepted().expectBody().jsonPath("$.data.status").isEqualTo("running")
                .jsonPath("$.data.syncRunId").isEqualTo(run);
        progress(worker, run, Map.of("status", "succeeded", "pages", 2, "itemsSeen", 100, "itemsApplied", 90)).expectStatus().isOk();

        api().as(org).get().uri(PATH + "/" + connection + "/sync-runs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].id").isEqualTo(run)
                .jsonPath("$.data[0].status").isEqualTo("succeeded")
                .jsonPath("$.data[0].itemsSeen").isEqualTo(100)
                .jsonPath("$.data[0].itemsApplied").isEqualTo(90)
                .jsonPath("$.data[0].finishedAt").isNotEmpty();
        String next = read(syncNow(connection).expectStatus().isAccepted(), "$.data.syncRunId");
        assertThat(next).isNotEqualTo(run);
    }

    @Test
    void onlyAServiceWithTheProgressScopeMayReport() {
        String connection = api().createJira(org, "admin@acme.example");
        String run = read(syncNow(connection).expectStatus().isAccepted(), "$.data.syncRunId");
        Map<String, Object> body = Map.of("status", "running", "pages", 1, "itemsSeen", 1, "itemsApplied", 1);
        progress(api().asService("sync-worker", "credentials:read"), run, body).expectStatus().isForbidden();
        progress(api().as(org), run, body).expectStatus().isForbidden();
    }

    @Test
    void refusesADisabledConnectionAndAnotherOrganisation() {
        String connection = api().createJira(org, "admin@acme.example");
        syncNow(connection);
        api().as(OrgId.random()).post().uri(PATH + "/" + connection + "/sync-now").exchange().expectStatus().isNotFound();
        api().as(OrgId.random()).get().uri(PATH + "/" + connection + "/sync-runs").exchange().expectStatus().isNotFound();

        String disabled = api().createJira(org, "disabled@acme.example");
        api().as(org).patch().uri(PATH + "/" + disabled).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("enabled", false))
                .exchange().expectStatus().isOk();
        api().as(org).post().uri(PATH + "/" + disabled + "/sync-now").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("connection_disabled");
    }

    @Test
    void syncActivityCountsTheOrganisationsRunsPerDayWithEmptyDaysToo() {
        String connection = api().createJira(org, "admin@acme.example");
        String other = api().createJira(org, "other@acme.example");
        WebTestClient worker = api().asService("sync-worker", SyncController.PROGRESS_SCOPE);
        String run = read(syncNow(connection).expectStatus().isAccepted(), "$.data.syncRunId");
        progress(worker, run, Map.of("status", "succeeded", "pages", 3, "itemsSeen", 250, "itemsApplied", 250)).expectStatus().isOk();
        String failed = read(syncNow(other).expectStatus().isAccepted(), "$.data.syncRunId");
        progress(worker, failed, Map.of("status", "failed", "pages", 0, "itemsSeen", 0, "itemsApplied", 0, "error", "401")).expectStatus().isOk();
        syncNow(connection).expectStatus().isAccepted();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        api().as(org).get().uri(PATH + "/sync-activity?days=7").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.to").isEqualTo(today)
                .jsonPath("$.data.days.length()").isEqualTo(7)
                .jsonPath("$.data.days[0].runs").isEqualTo(0)
                .jsonPath("$.data.days[6].day").isEqualTo(today)
                .jsonPath("$.data.days[6].runs").isEqualTo(3)
                .jsonPath("$.data.days[6].succeeded").isEqualTo(1)
                .jsonPath("$.data.days[6].failed").isEqualTo(1)
                .jsonPath("$.data.days[6].active").isEqualTo(1)
                .jsonPath("$.data.days[6].itemsSeen").isEqualTo(250);
        api().as(OrgId.random()).get().uri(PATH + "/sync-activity").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.days.length()").isEqualTo(14)
                .jsonPath("$.data.days[13].runs").isEqualTo(0);
        api().as(org).get().uri(PATH + "/sync-activity?days=91").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("days");
    }
}
