package org.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookReceivedTest {

    @Test
    void equalsAnotherDeliveryWithTheSameBodyContent() {
        WebhookReceived one = EventFixtures.webhookReceived();
        WebhookReceived other = EventFixtures.webhookReceived();

        assertThat(one.body()).isNotSameAs(other.body());
        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    }

    @Test
    void differsWhenTheBodyDiffers() {
        WebhookReceived one = EventFixtures.webhookReceived();
        WebhookReceived other = new WebhookReceived(one.connectionId(), one.provider(), one.deliveryId(),
                one.providerEventType(), one.headers(), one.contentType(), "{}".getBytes(StandardCharsets.UTF_8),
                one.receivedAt());

        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void printsNeitherBodyNorHeaderValues() {
        WebhookReceived webhook = EventFixtures.webhookReceived();

        assertThat(webhook.toString())
                .contains("deliveryId=72d3162e-cc78-11e3-81ab-4c9367dc0958", "body=" + EventFixtures.WEBHOOK_BODY.length + " bytes",
                        "headers=2 entries")
                .doesNotContain("opened", "\"issues\"", "x-github-event=");
    }

    @Test
    void staysImmutableAndLowerCasesHeaderNames() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        WebhookReceived webhook = new WebhookReceived(EventFixtures.CONNECTION, ExternalSystem.JIRA, null, null,
                Map.of("X-Atlassian-Webhook-Identifier", "42"), null, body, EventFixtures.AT);
        body[0] = 'x';
        webhook.body()[1] = 'x';

        assertThat(new String(webhook.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(webhook.headers()).containsOnlyKeys("x-atlassian-webhook-identifier");
    }
}
