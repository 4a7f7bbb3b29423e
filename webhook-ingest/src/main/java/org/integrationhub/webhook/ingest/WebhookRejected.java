package org.integrationhub.webhook.ingest;

import org.integrationhub.support.web.HubProblem;
import org.springframework.http.HttpStatus;

/**
 * A delivery webhook-ingest does not accept, with nothing published for it. {@link #outcome()} is
 * the metric tag; the message is the problem's detail and never holds a secret or body content.
 */
public final class WebhookRejected extends HubProblem {

    private final String outcome;

    private WebhookRejected(HttpStatus status, String code, String outcome, String detail) {
        super(status, code, detail);
        this.outcome = outcome;
    }

    public String outcome() {
        return outcome;
    }

    static WebhookRejected unknownProvider() {
        return new WebhookRejected(HttpStatus.NOT_FOUND, "unknown_provider", "unknown_provider",
                "Webhooks are taken for jira, github and slack only.");
    }

    static WebhookRejected unknownConnection() {
        return new WebhookRejected(HttpStatus.NOT_FOUND, "unknown_connection", "unknown_connection",
                "No enabled connection of this provider has this id.");
    }

    static WebhookRejected connectionsLoading() {
        return new WebhookRejected(HttpStatus.SERVICE_UNAVAILABLE, "connections_loading", "unavailable",
                "Connections are still being loaded; retry shortly.");
    }

    static WebhookRejected unsupportedMediaType(String accepted) {
        return new WebhookRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "unsupported_media_type",
                "This provider's webhooks are taken as " + accepted + ".");
    }

    static WebhookRejected tooLarge(long maxBytes) {
        return new WebhookRejected(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "too_large",
                "The request body is larger than " + maxBytes + " bytes.");
    }

    static WebhookRejected missingSignature(String expected) {
        return new WebhookRejected(HttpStatus.UNAUTHORIZED, "signature_missing", "unauthorized",
                "The delivery carries no " + expected + ".");
    }

    static WebhookRejected badSignature() {
        return new WebhookRejected(HttpStatus.UNAUTHORIZED, "signature_invalid", "unauthorized",
                "The delivery's signature does not match.");
    }

    static WebhookRejected staleTimestamp() {
        return new WebhookRejected(HttpStatus.UNAUTHORIZED, "timestamp_stale", "stale",
                "The delivery's timestamp is more than five minutes from now.");
    }

    static WebhookRejected noSecret() {
        return new WebhookRejected(HttpStatus.UNAUTHORIZED, "webhook_secret_not_configured", "unauthorized",
                "The connection has no webhook secret to verify deliveries with; set one on the connection.");
    }

    static WebhookRejected malformed(String what) {
        return new WebhookRejected(HttpStatus.BAD_REQUEST, "malformed_payload", "malformed", "The body is not " + what + ".");
    }

    static WebhookRejected notAcknowledged() {
        return new WebhookRejected(HttpStatus.SERVICE_UNAVAILABLE, "not_persisted", "unavailable",
                "The delivery could not be stored right now; retry it.");
    }
}
