package org.integrationhub.devstack;

import java.util.List;

/** A deployable the devstack starts: its Maven module (and jar) name and its documented local port. */
record HubService(String module, int port) {

    /** Every service, in start order, on the ports of ARCHITECTURE.md. */
    static final List<HubService> ALL = List.of(
            new HubService("auth-service", 8081),
            new HubService("connector-service", 8082),
            new HubService("webhook-ingest", 8083),
            new HubService("sync-worker", 8084),
            new HubService("mapping-service", 8085));

    HubService onPort(int newPort) {
        return new HubService(module, newPort);
    }
}
