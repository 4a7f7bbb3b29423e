package org.integrationhub.webhook.ingest;

import java.util.List;
import java.util.stream.Collectors;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.webhook.connections.KnownConnection;
import org.springframework.http.MediaType;

/** How one provider's webhooks are checked and read. Each method throws {@link WebhookRejected} to refuse. */
interface ProviderWebhooks {

    List<MediaType> JSON_OR_FORM = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED);

    ExternalSystem system();

    /** The content types the provider sends its webhooks as. */
    List<MediaType> contentTypes();

    default boolean accepts(MediaType contentType) {
        return contentTypes().stream().anyMatch(type -> type.isCompatibleWith(contentType));
    }

    /** The accepted content types, for the 415 answer. */
    default String acceptedTypes() {
        return contentTypes().stream().map(MediaType::toString).collect(Collectors.joining(" or "));
    }

    /** Verifies the delivery's signature over the raw bytes, with the connection's secret (or the app's). */
    void verify(KnownConnection connection, Inbound delivery);

    /** Reads a verified delivery: delivery id, event type, headers to keep, or a handshake answer. */
    Parsed read(Inbound delivery);
}
