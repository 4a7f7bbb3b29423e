package org.integrationhub.connector.notifications;

import java.time.Clock;
import java.time.Duration;
import org.integrationhub.connector.PeriodicPass;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Every hour, forgets the dedup rows older than {@code hub.connector.notifications.retention} (any instance may; deletes are idempotent). */
@Component
class NotifiedEventsRetention implements SmartLifecycle {

    private static final Duration EVERY = Duration.ofHours(1);

    private final NotifiedEvents events;
    private final SlackNotificationSettings settings;
    private final Clock clock;
    private final PeriodicPass pass;

    NotifiedEventsRetention(NotifiedEvents events, SlackNotificationSettings settings, Clock clock) {
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.pass = new PeriodicPass("Forgetting old notified events", Duration.ofMinutes(1), EVERY, this::forgetExpired);
    }

    Mono<Long> forgetExpired() {
        return events.forgetRecordedBefore(clock.instant().minus(settings.retention()));
    }

    @Override
    public void start() {
        pass.start();
    }

    @Override
    public void stop() {
        pass.stop();
    }

    @Override
    public boolean isRunning() {
        return pass.isRunning();
    }
}
