package org.integrationhub.webhook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** webhook-ingest: verifies webhooks pushed by Jira, GitHub and Slack and publishes them to Kafka before it answers. */
@SpringBootApplication
public class WebhookIngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhookIngestApplication.class, args);
    }
}
