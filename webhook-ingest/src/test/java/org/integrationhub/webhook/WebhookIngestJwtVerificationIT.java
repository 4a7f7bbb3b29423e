package org.integrationhub.webhook;

import org.integrationhub.testsupport.JwtVerificationContract;

/** webhook-ingest's /api/** accepts only valid hub JWTs and names the caller's organisation. */
class WebhookIngestJwtVerificationIT extends JwtVerificationContract {
}
