package org.integrationhub.webhook.ingest;

import java.time.Clock;
import java.util.List;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.webhook.connections.KnownConnection;
import org.integrationhub.webhook.verification.JiraJwt;
import org.integrationhub.webhook.verification.JiraSignature;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Jira: JSON only. An admin webhook is signed with {@code X-Hub-Signature} and the connection's
 * secret; a webhook an OAuth connection registered carries a Bearer JWT signed with the OAuth app's
 * client secret. The delivery id is {@code X-Atlassian-Webhook-Identifier} (the same on retries).
 */
final class JiraWebhooks implements ProviderWebhooks {

    static final String IDENTIFIER = "X-Atlassian-Webhook-Identifier";
    private static final List<String> KEPT = List.of(IDENTIFIER, "X-Atlassian-Webhook-Retry", HttpHeaders.USER_AGENT);

    private final WebhookSettings.Jira settings;
    private final Clock clock;

    JiraWebhooks(WebhookSettings.Jira settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.JIRA;
    }

    @Override
    public List<MediaType> contentTypes() {
        return List.of(MediaType.APPLICATION_JSON);
    }

    @Override
    public void verify(KnownConnection connection, Inbound delivery) {
        String signature = delivery.header(JiraSignature.HEADER);
        String authorization = delivery.header(HttpHeaders.AUTHORIZATION);
        if (signature != null) {
            if (connection.webhookSecret() == null) {
                throw WebhookRejected.noSecret();
            }
            if (!JiraSignature.verify(connection.webhookSecret(), delivery.body(), signature)) {
                throw WebhookRejected.badSignature();
            }
        } else if (authorization != null) {
            if (!connection.isOAuth() || settings.oauthClientSecret() == null) {
                throw WebhookRejected.badSignature();
            }
            if (!JiraJwt.verify(settings.oauthClientSecret(), authorization, clock.instant())) {
                throw WebhookRejected.badSignature();
            }
        } else {
            throw WebhookRejected.missingSignature("X-Hub-Signature or Bearer JWT");
        }
    }

    @Override
    public Parsed read(Inbound delivery) {
        JsonNode body = Payloads.jsonObject(delivery.body());
        return Parsed.event(delivery.header(IDENTIFIER), Payloads.text(body, "webhookEvent"), Payloads.keep(delivery, KEPT));
    }
}
