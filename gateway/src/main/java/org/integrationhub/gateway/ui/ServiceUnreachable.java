package org.integrationhub.gateway.ui;

/** A service did not answer the web UI's call in time, or could not be reached at all. */
public final class ServiceUnreachable extends RuntimeException {

    ServiceUnreachable(String service) {
        super("Could not reach " + service, null, false, false);
    }
}
