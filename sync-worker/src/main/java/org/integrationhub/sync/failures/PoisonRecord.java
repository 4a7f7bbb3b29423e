package org.integrationhub.sync.failures;

/**
 * A record that can never be processed however often it is retried (undecodable, of the wrong
 * type, or with a key that does not match its value): it goes to the dead-letter topic at once.
 */
public class PoisonRecord extends RuntimeException {

    public PoisonRecord(String reason, Throwable cause) {
        super(reason, cause);
    }
}
