package org.integrationhub.connector.notifications;

/** A record that no retry can process (undecodable, not an ExternalTaskUpdated): dead-lettered at once. */
class PoisonRecord extends RuntimeException {

    PoisonRecord(String reason, Throwable cause) {
        super(reason, cause);
    }
}
