package org.integrationhub.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox relay ({@code hub.outbox.*}): whether it runs, how often it looks for unpublished
 * rows, and how many it publishes per transaction.
 */
@ConfigurationProperties("hub.outbox")
public record OutboxSettings(boolean relayEnabled, Duration pollInterval, int batchSize) {

    public OutboxSettings {
        if (pollInterval == null) {
            pollInterval = Duration.ofMillis(250);
        }
        if (batchSize < 1) {
            batchSize = 200;
        }
    }
}
