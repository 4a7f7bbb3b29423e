package org.integrationhub.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one devstack run looks like: where the built jars are, the Postgres port, the services
 * with their ports and the options each service's JVM gets. Kafka listens on a free port (the
 * in-JVM KRaft test kit cannot be given one), which the launcher prints and hands to every service.
 */
record DevstackSettings(Path root, int postgresPort, List<HubService> services, Duration startTimeout, List<String> jvmOptions) {

    static final int POSTGRES_PORT = 5432;
    /** Replaces {@link #FAST_START} when set: the service JVMs' options, separated by spaces. */
    static final String JVM_OPTIONS_VARIABLE = "HUB_DEVSTACK_JVM_OPTIONS";
    /** Small heaps, C1 only and the serial collector: seven JVMs start quickly on two cores, but run slower than a deployment's. */
    static final List<String> FAST_START = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    static DevstackSettings defaults(Path root) {
        return new DevstackSettings(root, POSTGRES_PORT, HubService.ALL, Duration.ofMinutes(3), jvmOptions(System.getenv()));
    }

    /** {@value #JVM_OPTIONS_VARIABLE} split at whitespace, or {@link #FAST_START} when it is unset or blank. */
    static List<String> jvmOptions(Map<String, String> environment) {
        String given = environment.get(JVM_OPTIONS_VARIABLE);
        return given == null || given.isBlank() ? FAST_START : Arrays.stream(given.trim().split("\\s+")).toList();
    }

    Path jarOf(HubService service) {
        return root.resolve(service.module()).resolve("target").resolve(service.jar());
    }

    Path logOf(HubService service) {
        return root.resolve("target").resolve("devstack").resolve(service.module() + ".log");
    }
}
