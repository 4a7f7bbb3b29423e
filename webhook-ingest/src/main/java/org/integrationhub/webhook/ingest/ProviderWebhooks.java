package org.integrationhub.webhook.ingest;

import org.integrationhub.events.ExternalSystem;
import org.integrationhub.webhook.connections.KnownConnection;
import org.springframework.http.MediaType;

/** How one provider's webhooks are checked and read. Each method throws {@link WebhookRejected} to refuse. */
interface ProviderWebhooks {

    ExternalSystem system();

    boolean accepts(MediaType contentType);

    /** The accepted content types, for the 415 answer. */
    String acceptedTypes();

    /** Verifies the delivery's signature over the raw bytes, with the connection's secret (or the app's). */
    void verify(KnownConnection connection, Inbound delivery);

    /** Reads a verified delivery: delivery id, event type, headers to keep, or a handshake answer. */
    Parsed read(Inbound delivery);
}
