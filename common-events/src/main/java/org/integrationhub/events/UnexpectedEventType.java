package org.integrationhub.events;

/** A record carries another event type than the one the reader expected (e.g. on the wrong topic). */
public class UnexpectedEventType extends RuntimeException {

    public UnexpectedEventType(String expected, String actual) {
        super("expected event type '" + expected + "' but the envelope says '" + actual + "'");
    }
}
