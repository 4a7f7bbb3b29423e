package org.integrationhub.sync.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator API's limits ({@code hub.sync.ops.*}): how often the lag and dead-letter gauges are
 * refreshed, how long one read of the dead-letter topics may take, and how many dead letters one
 * list or redrive covers at most.
 */
@ConfigurationProperties("hub.sync.ops")
public record OpsSettings(Duration metricsInterval, Duration readTimeout, int maxDeadLetters) {

    public OpsSettings {
        metricsInterval = metricsInterval == null ? Duration.ofSeconds(30) : metricsInterval;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        maxDeadLetters = maxDeadLetters < 1 ? 1000 : maxDeadLetters;
    }
}
