package org.integrationhub.sync.failures;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sync-worker's consumers run and fail ({@code hub.sync.consumers.*}): listener concurrency,
 * how long one batch transaction may take, the bounded retries of a failing record before it is
 * dead-lettered, and the longest pause between retries while the database is unavailable (those
 * retries never end).
 */
@ConfigurationProperties("hub.sync.consumers")
public record ConsumerSettings(int concurrency, Duration transactionTimeout, Retries retries, Duration databaseMaxInterval) {

    public record Retries(int attempts, Duration initialInterval, Duration maxInterval) {

        public Retries {
            attempts = attempts < 0 ? 3 : attempts;
            initialInterval = initialInterval == null ? Duration.ofMillis(500) : initialInterval;
            maxInterval = maxInterval == null ? Duration.ofSeconds(5) : maxInterval;
        }
    }

    public ConsumerSettings {
        concurrency = concurrency < 1 ? 3 : concurrency;
        transactionTimeout = transactionTimeout == null ? Duration.ofSeconds(60) : transactionTimeout;
        retries = retries == null ? new Retries(3, Duration.ofMillis(500), Duration.ofSeconds(5)) : retries;
        databaseMaxInterval = databaseMaxInterval == null ? Duration.ofSeconds(10) : databaseMaxInterval;
    }
}
