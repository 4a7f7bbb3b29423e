package org.integrationhub.sandbox.webhooks;

import java.time.Instant;

/** What happened to one attempt of one delivery: the status, or 0 with the failure for a network error or timeout. */
public record WebhookAttempt(String deliveryId, String url, int attempt, int status, String failure, Instant at) {
}
