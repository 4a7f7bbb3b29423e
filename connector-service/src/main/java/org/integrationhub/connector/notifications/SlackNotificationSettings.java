package org.integrationhub.connector.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Slack notifications ({@code hub.connector.notifications.*}): a connection's changes are buffered
 * until none came for {@code quietPeriod} (or the first waited {@code maxWindow}); more than
 * {@code summaryThreshold} become one summary listing the first {@code summaryItems}. A post is tried
 * {@code maxAttempts} times, waiting Slack's Retry-After (at most {@code maxRetryAfter}) after a 429.
 * The dedup rows are kept for {@code retention} (longer than the topic keeps a record that could be redelivered).
 */
@ConfigurationProperties("hub.connector.notifications")
public record SlackNotificationSettings(Duration quietPeriod, Duration maxWindow, Duration tick, int summaryThreshold, int summaryItems,
        int maxAttempts, Duration maxRetryAfter, Duration timeout, Duration retention) {

    public SlackNotificationSettings {
        quietPeriod = quietPeriod == null ? Duration.ofSeconds(3) : quietPeriod;
        maxWindow = maxWindow == null ? Duration.ofSeconds(30) : maxWindow;
        tick = tick == null ? Duration.ofMillis(250) : tick;
        summaryThreshold = summaryThreshold < 1 ? 5 : summaryThreshold;
        summaryItems = summaryItems < 1 ? 10 : summaryItems;
        maxAttempts = maxAttempts < 1 ? 3 : maxAttempts;
        maxRetryAfter = maxRetryAfter == null ? Duration.ofSeconds(60) : maxRetryAfter;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        retention = retention == null ? Duration.ofDays(14) : retention;
    }
}
