package org.integrationhub.connector.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Scheduled syncs ({@code hub.connector.sync.*}): how often a polling connection syncs, and how often due ones are looked for. */
@ConfigurationProperties("hub.connector.sync")
public record SyncSettings(Duration pollInterval, Duration schedulerTick) {

    public SyncSettings {
        pollInterval = pollInterval == null ? Duration.ofMinutes(5) : pollInterval;
        schedulerTick = schedulerTick == null ? Duration.ofSeconds(30) : schedulerTick;
    }
}
