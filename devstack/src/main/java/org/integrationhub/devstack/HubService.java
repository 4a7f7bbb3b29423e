package org.integrationhub.devstack;

import java.util.List;

/**
 * A process the devstack starts: its Maven module, the executable jar that module builds (in its
 * {@code target/}), and its documented local port.
 */
record HubService(String module, String jar, int port) {

    /** Everything the devstack runs, in start order, on the ports of ARCHITECTURE.md. */
    static final List<HubService> ALL = List.of(
            new HubService("provider-sandbox", "provider-sandbox-exec.jar", 8090),
            service("auth-service", 8081),
            service("connector-service", 8082),
            service("webhook-ingest", 8083),
            service("sync-worker", 8084),
            service("mapping-service", 8085),
            // the front door last: the services it routes to are started before it
            service("gateway", 8080));

    private static HubService service(String module, int port) {
        return new HubService(module, module + ".jar", port);
    }

    HubService onPort(int newPort) {
        return new HubService(module, jar, newPort);
    }
}
