package org.integrationhub.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.connector.ConnectorApi.PATH;

import java.time.Duration;
import java.util.Map;
import org.integrationhub.connector.ConnectorApi;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.OrgId;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Scheduler passes racing each other (as on several instances) claim a due connection once. */
@HubIntegrationTest(properties = {"hub.connector.sync.poll-interval=1h", "hub.connector.sync.scheduler-tick=1h"})
class SyncClaimIT {

    @LocalServerPort
    int port;

    private final SyncScheduler scheduler;

    SyncClaimIT(@Autowired SyncScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Test
    void concurrentPassesClaimADueConnectionExactlyOnce() {
        var api = new ConnectorApi(port);
        OrgId org = OrgId.random();
        String connection = api.createJira(org, "claimed@acme.example");
        api.as(org).patch().uri(PATH + "/" + connection).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("pollingEnabled", true)).exchange().expectStatus().isOk();

        var claims = Flux.range(0, 4)
                .flatMap(pass -> scheduler.requestDueSyncs().subscribeOn(Schedulers.parallel()))
                .collectList().block(Duration.ofSeconds(30));

        assertThat(claims).filteredOn(ConnectionId.of(connection)::equals).hasSize(1);
        assertThat(scheduler.requestDueSyncs().collectList().block(Duration.ofSeconds(10)))
                .as("not due again within the interval").doesNotContain(ConnectionId.of(connection));
    }
}
