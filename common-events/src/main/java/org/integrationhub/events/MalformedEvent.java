package org.integrationhub.events;

/** A record is not a readable event envelope: broken JSON, missing fields or values of the wrong shape. */
public class MalformedEvent extends RuntimeException {

    public MalformedEvent(String message) {
        super(message);
    }

    public MalformedEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
