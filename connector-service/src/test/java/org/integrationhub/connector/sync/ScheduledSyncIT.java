package org.integrationhub.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationhub.connector.ConnectorApi.PATH;
import static org.integrationhub.connector.ConnectorApi.read;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.integrationhub.connector.ConnectorApi;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.SyncRequested;
import org.integrationhub.events.Topics;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Polling connections sync on their schedule (here every second), without piling up runs. */
@HubIntegrationTest(properties = {"hub.connector.sync.poll-interval=1s", "hub.connector.sync.scheduler-tick=200ms"})
class ScheduledSyncIT {

    @LocalServerPort
    int port;

    private final OrgId org = OrgId.random();

    @Test
    void aPollingConnectionSyncsOncePerIntervalAndNeverPilesUpRuns() {
        var api = new ConnectorApi(port);
        try (var probe = KafkaProbe.on(Topics.SYNC_REQUESTS)) {
            String connection = api.createJira(org, "polling@acme.example");
            String notPolling = api.createJira(org, "manual@acme.example");
            api.as(org).patch().uri(PATH + "/" + connection).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("pollingEnabled", true)).exchange().expectStatus().isOk();

            ConnectionId key = ConnectionId.of(connection);
            var first = probe.awaitMatching(r -> r.key().equals(key), 1, Duration.ofSeconds(15)).get(0);
            assertThat(first.envelope().payload().trigger()).isEqualTo(SyncRequested.Trigger.SCHEDULE);
            assertThat(probe.drain(Duration.ofSeconds(3))).as("a pending run is not requested again")
                    .filteredOn(r -> r.key().equals(key)).hasSize(1);

            await("the run counted as in progress").atMost(Duration.ofSeconds(15))
                    .until(() -> inProgress("queued") + inProgress("running") >= 1);

            String run = first.envelope().payload().syncRunId().value().toString();
            api.asService("sync-worker", SyncController.PROGRESS_SCOPE).post().uri("/internal/sync-runs/" + run + "/progress")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("status", "succeeded", "pages", 1, "itemsSeen", 1, "itemsApplied", 1)).exchange()
                    .expectStatus().isOk();
            probe.awaitMatching(r -> r.key().equals(key), 2, Duration.ofSeconds(15));

            assertThat(probe.drain(Duration.ZERO)).as("a connection without polling is never scheduled")
                    .noneMatch(r -> r.key().equals(ConnectionId.of(notPolling)));
            assertThat(read(api.as(org).get().uri(PATH + "/" + connection + "/sync-runs").exchange(), "$.data[0].trigger"))
                    .isEqualTo("schedule");
        }
    }

    /** {@code hub_sync_runs_in_progress{status}} as Prometheus shows it. */
    private double inProgress(String status) {
        String metrics = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30))
                .baseUrl("http://localhost:" + port).build().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        var matcher = Pattern.compile("hub_sync_runs_in_progress\\{[^}]*status=\"" + status + "\"[^}]*} (\\S+)")
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
