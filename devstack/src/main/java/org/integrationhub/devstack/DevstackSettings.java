package org.integrationhub.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one devstack run looks like: where the built jars are, the Postgres port and the services
 * with their ports. Kafka listens on a free port (the in-JVM KRaft test kit cannot be given one),
 * which the launcher prints and hands to every service.
 */
record DevstackSettings(Path root, int postgresPort, List<HubService> services, Duration startTimeout) {

    static final int POSTGRES_PORT = 5432;

    static DevstackSettings defaults(Path root) {
        return new DevstackSettings(root, POSTGRES_PORT, HubService.ALL, Duration.ofMinutes(3));
    }

    Path jarOf(HubService service) {
        return root.resolve(service.module()).resolve("target").resolve(service.jar());
    }

    Path logOf(HubService service) {
        return root.resolve("target").resolve("devstack").resolve(service.module() + ".log");
    }
}
