package org.integrationhub.connector.notifications;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every hour, forgets the dedup rows older than {@code hub.connector.notifications.retention} (any instance may; deletes are idempotent). */
@Component
class NotifiedEventsRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotifiedEventsRetention.class);
    private static final Duration EVERY = Duration.ofHours(1);

    private final NotifiedEvents events;
    private final SlackNotificationSettings settings;
    private final Clock clock;
    private volatile Disposable ticking;

    NotifiedEventsRetention(NotifiedEvents events, SlackNotificationSettings settings, Clock clock) {
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    Mono<Long> forgetExpired() {
        return events.forgetRecordedBefore(clock.instant().minus(settings.retention()));
    }

    @Override
    public void start() {
        ticking = Flux.interval(Duration.ofMinutes(1), EVERY)
                .onBackpressureDrop()
                .concatMap(tick -> forgetExpired().onErrorResume(failure -> {
                    log.warn("Forgetting old notified events failed: {}", failure.toString());
                    return Mono.just(0L);
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = ticking;
        if (current != null) {
            current.dispose();
            ticking = null;
        }
    }

    @Override
    public boolean isRunning() {
        return ticking != null;
    }
}
