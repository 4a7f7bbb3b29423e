package org.integrationhub.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The one Kafka broker and the one Postgres server of this test JVM, started on first use and
 * stopped when the JVM exits. Every test class shares them.
 *
 * <p>Flavour: {@code -Dhub.test.infrastructure=containers|embedded|auto} (or the environment
 * variable {@code HUB_TEST_INFRASTRUCTURE}); {@code auto}, the default, uses Testcontainers when a
 * Docker engine answers and the embedded flavour otherwise.
 */
public final class SharedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    private static volatile Infrastructure instance;

    private SharedInfrastructure() {
    }

    public static Infrastructure get() {
        Infrastructure current = instance;
        if (current == null) {
            synchronized (SharedInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                }
            }
        }
        return current;
    }

    private static Infrastructure start() {
        long started = System.nanoTime();
        Infrastructure infrastructure = useContainers() ? ContainerInfrastructure.start() : EmbeddedInfrastructure.start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "shared-infrastructure-stop"));
        log.info("Test infrastructure ({}) up in {} ms: Kafka {}, Postgres {}", infrastructure.flavour(),
                (System.nanoTime() - started) / 1_000_000, infrastructure.kafkaBootstrapServers(),
                infrastructure.postgres().jdbcUrl());
        return infrastructure;
    }

    private static boolean useContainers() {
        String choice = System.getProperty("hub.test.infrastructure", System.getenv().getOrDefault("HUB_TEST_INFRASTRUCTURE", "auto"))
                .toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "containers" -> true;
            case "embedded" -> false;
            case "auto" -> dockerAnswers();
            default -> throw new IllegalArgumentException(
                    "hub.test.infrastructure must be containers, embedded or auto, not " + choice);
        };
    }

    private static boolean dockerAnswers() {
        // Asking Testcontainers costs seconds of probing when there is plainly no engine; skip it then.
        boolean engineConfigured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        return engineConfigured && DockerClientFactory.instance().isDockerAvailable();
    }
}
