package org.integrationhub.webhook.ingest;

import java.util.List;
import java.util.Map;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.webhook.connections.KnownConnection;
import org.integrationhub.webhook.verification.GitHubSignature;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * GitHub: JSON, or a form whose {@code payload} field holds the JSON, signed with
 * {@code X-Hub-Signature-256} and the connection's secret. The event type is {@code X-GitHub-Event},
 * the delivery id {@code X-GitHub-Delivery} (the same on a redelivery). {@code ping} is answered and
 * not published.
 */
final class GitHubWebhooks implements ProviderWebhooks {

    static final String EVENT = "X-GitHub-Event";
    static final String DELIVERY = "X-GitHub-Delivery";
    private static final List<String> KEPT = List.of(EVENT, DELIVERY, "X-GitHub-Hook-ID",
            "X-GitHub-Hook-Installation-Target-ID", "X-GitHub-Hook-Installation-Target-Type", HttpHeaders.USER_AGENT);

    @Override
    public ExternalSystem system() {
        return ExternalSystem.GITHUB;
    }

    @Override
    public List<MediaType> contentTypes() {
        return JSON_OR_FORM;
    }

    @Override
    public void verify(KnownConnection connection, Inbound delivery) {
        String signature = delivery.header(GitHubSignature.HEADER);
        if (signature == null) {
            throw WebhookRejected.missingSignature(GitHubSignature.HEADER);
        }
        if (connection.webhookSecret() == null) {
            throw WebhookRejected.noSecret();
        }
        if (!GitHubSignature.verify(connection.webhookSecret(), delivery.body(), signature)) {
            throw WebhookRejected.badSignature();
        }
    }

    @Override
    public Parsed read(Inbound delivery) {
        JsonNode body;
        if (delivery.isForm()) {
            String payload = Payloads.form(delivery.body()).get("payload");
            if (payload == null) {
                throw WebhookRejected.malformed("a form with a payload field");
            }
            body = Payloads.jsonObject(payload);
        } else {
            body = Payloads.jsonObject(delivery.body());
        }
        String event = delivery.header(EVENT);
        if (event == null || event.isBlank()) {
            throw WebhookRejected.malformed("a GitHub delivery (X-GitHub-Event is missing)");
        }
        if ("ping".equals(event)) {
            return Parsed.handshake(event, Map.of("data", Map.of("pong", true)));
        }
        return Parsed.event(delivery.header(DELIVERY), event, Payloads.keep(delivery, KEPT));
    }
}
