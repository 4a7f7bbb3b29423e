package org.integrationhub.webhook.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.webhooks.*}: how long a delivery waits for Kafka's acknowledgement before it is
 * answered 503 ({@code ackTimeout}), and the app-level secrets that are not per connection: the
 * Atlassian OAuth app's client secret (Jira webhooks an OAuth connection registered arrive signed
 * with it) and the Slack app's signing secret (used for Slack connections without their own).
 * {@link #toString()} never shows a secret.
 */
@ConfigurationProperties("hub.webhooks")
public record WebhookSettings(Duration ackTimeout, Jira jira, Slack slack) {

    public WebhookSettings {
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(6) : ackTimeout;
        jira = jira == null ? new Jira(null) : jira;
        slack = slack == null ? new Slack(null) : slack;
    }

    public record Jira(String oauthClientSecret) {

        public Jira {
            oauthClientSecret = oauthClientSecret == null || oauthClientSecret.isBlank() ? null : oauthClientSecret;
        }

        @Override
        public String toString() {
            return "Jira[oauthClientSecret=" + (oauthClientSecret == null ? "none" : "set") + "]";
        }
    }

    public record Slack(String signingSecret) {

        public Slack {
            signingSecret = signingSecret == null || signingSecret.isBlank() ? null : signingSecret;
        }

        @Override
        public String toString() {
            return "Slack[signingSecret=" + (signingSecret == null ? "none" : "set") + "]";
        }
    }
}
