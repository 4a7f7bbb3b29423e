package org.integrationhub.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Starts the real devstack (built service jars, embedded Kafka and Postgres) on free ports, checks
 * that every service reports health UP, and that stopping it leaves no service process behind.
 */
class DevstackIT {

    @Test
    void startsEveryServiceHealthyAndStopsThemAll() throws IOException {
        List<HubService> services = HubService.ALL.stream().map(s -> s.onPort(freePort())).toList();
        var settings = new DevstackSettings(Path.of("..").toAbsolutePath().normalize(), 0, services, Duration.ofMinutes(4));
        var console = new ByteArrayOutputStream();

        List<ServiceProcess> processes;
        try (Devstack devstack = Devstack.start(settings, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            processes = devstack.services();
            assertThat(processes).hasSize(HubService.ALL.size())
                    .allSatisfy(process -> assertThat(process.health()).as(process.service().module()).isEqualTo("UP"));
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .contains(devstack.kafkaBootstrapServers())
                    .contains("auth-service", "connector-service", "webhook-ingest", "sync-worker", "mapping-service");
        }

        await("every service process ended").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(processes).noneMatch(ServiceProcess::isAlive));
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
