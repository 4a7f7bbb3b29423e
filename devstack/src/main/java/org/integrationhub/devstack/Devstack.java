package org.integrationhub.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.integrationhub.testsupport.EmbeddedInfrastructure;
import org.integrationhub.testsupport.PostgresEndpoint;

/**
 * The whole hub on one machine: an embedded KRaft Kafka broker and an embedded Postgres in this
 * JVM, and every service as its own JVM pointed at them. Ctrl-C (or {@link #close()}) stops the
 * services, then the infrastructure; services also stop by themselves if this process dies.
 */
public final class Devstack implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final EmbeddedInfrastructure infrastructure;
    private final List<ServiceProcess> services;

    private Devstack(EmbeddedInfrastructure infrastructure, List<ServiceProcess> services) {
        this.infrastructure = infrastructure;
        this.services = services;
    }

    public static void main(String[] args) throws InterruptedException {
        DevstackSettings settings = DevstackSettings.defaults(Path.of(System.getProperty("hub.root", ".")).toAbsolutePath().normalize());
        CountDownLatch stopped = new CountDownLatch(1);
        Devstack devstack;
        try {
            devstack = start(settings, System.out);
        } catch (RuntimeException e) {
            System.err.println("Devstack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the devstack ...");
            devstack.close();
            System.out.println("Stopped: no service is left running.");
            stopped.countDown();
        }, "devstack-stop"));
        System.out.println("\nThe hub is up. Press Ctrl-C to stop everything.");
        stopped.await();
    }

    /** Starts infrastructure and services and waits until every service reports health UP. */
    static Devstack start(DevstackSettings settings, java.io.PrintStream out) {
        out.printf("Starting embedded Kafka and Postgres (port %d) ...%n", settings.postgresPort());
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(settings.postgresPort());
        List<ServiceProcess> started = new ArrayList<>();
        Devstack devstack = new Devstack(infrastructure, started);
        try {
            Map<String, String> environment = environmentFor(infrastructure, settings);
            for (HubService service : settings.services()) {
                started.add(ServiceProcess.launch(service, settings, environment));
            }
            out.printf("Started %d services (JVM options: %s); waiting for health UP (logs in %s) ...%n", started.size(),
                    String.join(" ", settings.jvmOptions()), settings.logOf(settings.services().get(0)).getParent());
            awaitHealthy(started, settings.startTimeout());
            printEndpoints(devstack, out);
            return devstack;
        } catch (IOException | RuntimeException e) {
            devstack.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static Map<String, String> environmentFor(EmbeddedInfrastructure infrastructure, DevstackSettings settings) {
        PostgresEndpoint postgres = infrastructure.postgres();
        String auth = "http://localhost:" + port(settings, "auth-service");
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        environment.put("HUB_SECURITY_JWT_JWKS_URI", auth + "/.well-known/jwks.json");
        // sync-worker calls auth-service for its service token and connector-service for credentials
        environment.put("HUB_SYNC_FETCH_AUTH_URL", auth);
        environment.put("HUB_SYNC_FETCH_CONNECTOR_URL", "http://localhost:" + port(settings, "connector-service"));
        // the gateway routes to every service
        environment.put("HUB_GATEWAY_SERVICES_AUTH", auth);
        environment.put("HUB_GATEWAY_SERVICES_CONNECTOR", "http://localhost:" + port(settings, "connector-service"));
        environment.put("HUB_GATEWAY_SERVICES_WEBHOOKS", "http://localhost:" + port(settings, "webhook-ingest"));
        environment.put("HUB_GATEWAY_SERVICES_TASKS", "http://localhost:" + port(settings, "sync-worker"));
        environment.put("HUB_GATEWAY_SERVICES_MAPPINGS", "http://localhost:" + port(settings, "mapping-service"));
        // one address each, for every service: the provider sandbox (the devstack's OAuth apps and APIs) and the
        // gateway, the public front door that OAuth callbacks, UI redirects and provider webhooks come through
        environment.put("HUB_DEVSTACK_SANDBOX_URL", "http://localhost:" + port(settings, "provider-sandbox"));
        environment.put("HUB_DEVSTACK_PUBLIC_URL", "http://localhost:" + port(settings, "gateway"));
        environment.put("SPRING_PROFILES_ACTIVE", "devstack");
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        environment.put("HUB_POSTGRES_HOST", postgres.host());
        environment.put("HUB_POSTGRES_PORT", String.valueOf(postgres.port()));
        environment.put("HUB_POSTGRES_DATABASE", postgres.database());
        environment.put("HUB_POSTGRES_USERNAME", postgres.username());
        environment.put("HUB_POSTGRES_PASSWORD", postgres.password());
        return Map.copyOf(environment);
    }

    private static int port(DevstackSettings settings, String module) {
        return settings.services().stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow().port();
    }

    private static void awaitHealthy(List<ServiceProcess> services, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.service().module() + " exited during start-up:\n" + tail(service.log()));
                }
                if ("UP".equals(service.health())) {
                    waiting.remove(service);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not healthy after " + timeout.toSeconds() + " s: "
                        + waiting.stream().map(s -> s.service().module() + " (" + s.health() + ")").toList());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the services", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void printEndpoints(Devstack devstack, java.io.PrintStream out) {
        out.println();
        out.printf("  %-20s %-34s %s%n", "WHAT", "WHERE", "HEALTH");
        out.printf("  %-20s %-34s %s%n", "kafka", devstack.kafkaBootstrapServers(), "UP");
        out.printf("  %-20s %-34s %s%n", "postgres", devstack.postgres().jdbcUrl().replace("jdbc:", ""), "UP");
        for (ServiceProcess service : devstack.services) {
            out.printf("  %-20s %-34s %s%n", service.service().module(), "http://localhost:" + service.service().port(), service.health());
        }
    }

    String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    PostgresEndpoint postgres() {
        return infrastructure.postgres();
    }

    List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    @Override
    public void close() {
        services.parallelStream().forEach(service -> service.stop(STOP_GRACE));
        infrastructure.close();
    }
}
