package org.integrationhub.webhook.ingest;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.webhook.connections.KnownConnection;
import org.integrationhub.webhook.verification.SlackSignature;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Slack: Events API JSON, or a form (slash commands; interactivity's {@code payload} field holds
 * JSON), signed v0 with the connection's signing secret or else the Slack app's, within five minutes.
 * {@code url_verification} is answered with its challenge once verified and is not published; an
 * event's delivery id is its {@code event_id}.
 */
final class SlackWebhooks implements ProviderWebhooks {

    private static final List<String> KEPT = List.of(SlackSignature.TIMESTAMP_HEADER, "X-Slack-Retry-Num", "X-Slack-Retry-Reason");

    private final WebhookSettings.Slack settings;
    private final Clock clock;

    SlackWebhooks(WebhookSettings.Slack settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.SLACK;
    }

    @Override
    public List<MediaType> contentTypes() {
        return JSON_OR_FORM;
    }

    @Override
    public void verify(KnownConnection connection, Inbound delivery) {
        String signature = delivery.header(SlackSignature.SIGNATURE_HEADER);
        String timestamp = delivery.header(SlackSignature.TIMESTAMP_HEADER);
        if (signature == null || timestamp == null) {
            throw WebhookRejected.missingSignature(SlackSignature.SIGNATURE_HEADER + " with " + SlackSignature.TIMESTAMP_HEADER);
        }
        String secret = connection.webhookSecret() != null ? connection.webhookSecret() : settings.signingSecret();
        if (secret == null) {
            throw WebhookRejected.noSecret();
        }
        switch (SlackSignature.verify(secret, delivery.body(), timestamp, signature, clock.instant())) {
            case VALID -> { }
            case STALE -> throw WebhookRejected.staleTimestamp();
            case BAD_SIGNATURE -> throw WebhookRejected.badSignature();
        }
    }

    @Override
    public Parsed read(Inbound delivery) {
        Map<String, String> kept = Payloads.keep(delivery, KEPT);
        if (delivery.isForm()) {
            Map<String, String> form = Payloads.form(delivery.body());
            if (form.containsKey("payload")) {
                return Parsed.event(null, Payloads.text(Payloads.jsonObject(form.get("payload")), "type"), kept);
            }
            if (form.containsKey("command")) {
                return Parsed.event(null, "slash_command", kept);
            }
            throw WebhookRejected.malformed("a Slack command or interaction");
        }
        JsonNode body = Payloads.jsonObject(delivery.body());
        String type = Payloads.text(body, "type");
        if ("url_verification".equals(type)) {
            String challenge = Payloads.text(body, "challenge");
            if (challenge == null) {
                throw WebhookRejected.malformed("a url_verification with a challenge");
            }
            return Parsed.handshake(type, Map.of("challenge", challenge));
        }
        String eventType = Payloads.text(body, "event", "type");
        return Parsed.event(Payloads.text(body, "event_id"), eventType != null ? eventType : type, kept);
    }
}
