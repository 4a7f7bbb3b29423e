package org.integrationhub.webhook.ingest;

import java.util.Map;

/**
 * What a provider's rules read from a verified delivery: the provider's delivery id (null when it
 * sends none), its event type, the headers worth keeping, and — for deliveries that are a
 * handshake rather than an event (GitHub's ping, Slack's url_verification) — the answer to give
 * instead of publishing.
 */
record Parsed(String deliveryId, String eventType, Map<String, String> keptHeaders, Object handshakeAnswer) {

    static Parsed event(String deliveryId, String eventType, Map<String, String> keptHeaders) {
        return new Parsed(deliveryId, eventType, keptHeaders, null);
    }

    static Parsed handshake(String eventType, Object answer) {
        return new Parsed(null, eventType, Map.of(), answer);
    }

    boolean isHandshake() {
        return handshakeAnswer != null;
    }
}
