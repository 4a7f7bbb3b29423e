package org.integrationhub.devstack;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real devstack (built service jars, embedded Kafka and Postgres) on free ports, as the tests
 * of this JVM share it ({@link SharedDevstack}). Closing it stops every service and fails if a
 * service process is still alive 30 s later.
 */
final class RunningDevstack implements AutoCloseable {

    private final Devstack devstack;
    private final List<HubService> services;
    private final String console;

    private RunningDevstack(Devstack devstack, List<HubService> services, String console) {
        this.devstack = devstack;
        this.services = services;
        this.console = console;
    }

    static RunningDevstack start() {
        List<HubService> services = HubService.ALL.stream().map(s -> s.onPort(freePort())).toList();
        var settings = new DevstackSettings(Path.of("..").toAbsolutePath().normalize(), 0, services, Duration.ofMinutes(4),
                DevstackSettings.jvmOptions(System.getenv()));
        var console = new ByteArrayOutputStream();
        Devstack devstack = Devstack.start(settings, new PrintStream(console, true, StandardCharsets.UTF_8));
        return new RunningDevstack(devstack, services, console.toString(StandardCharsets.UTF_8));
    }

    Devstack devstack() {
        return devstack;
    }

    List<HubService> services() {
        return services;
    }

    /** What the launcher printed while starting (the endpoint table). */
    String console() {
        return console;
    }

    int port(String module) {
        return services.stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow().port();
    }

    String url(String module) {
        return "http://localhost:" + port(module);
    }

    WebTestClient client(String module) {
        return WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl(url(module)).build();
    }

    @Override
    public void close() {
        List<ServiceProcess> processes = devstack.services();
        devstack.close();
        await("every service process ended").atMost(Duration.ofSeconds(30))
                .until(() -> processes.stream().noneMatch(ServiceProcess::isAlive));
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
