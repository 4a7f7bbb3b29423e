package org.integrationhub.connector.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.integrationhub.events.ConnectionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Groups each Slack connection's taken changes into bursts: a burst is delivered once no change
 * came for {@code quiet-period} or its first change waited {@code max-window}. One delivery per
 * connection at a time (a 429 wait holds only that connection; its new changes gather meanwhile).
 * In memory: a crash loses what waits here, whose rows stay {@code pending} (at most once, ADR 0016);
 * a graceful stop delivers it first (after the Kafka listeners stopped, within {@code SHUTDOWN_WAIT}).
 */
@Component
class NotificationBuffer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationBuffer.class);
    private static final java.time.Duration SHUTDOWN_WAIT = java.time.Duration.ofSeconds(15);

    private static final class Burst {
        String channel;
        final List<TaskChange> changes = new ArrayList<>();
        final Instant first;
        Instant last;

        Burst(String channel, Instant first) {
            this.channel = channel;
            this.first = first;
        }
    }

    private record Due(ConnectionId connection, String channel, List<TaskChange> changes) {
    }

    private final SlackNotifier notifier;
    private final SlackNotificationSettings settings;
    private final Clock clock;
    private final Map<ConnectionId, Burst> bursts = new HashMap<>();
    private final Set<ConnectionId> delivering = new HashSet<>();
    private volatile Disposable ticking;

    NotificationBuffer(SlackNotifier notifier, SlackNotificationSettings settings, Clock clock) {
        this.notifier = notifier;
        this.settings = settings;
        this.clock = clock;
    }

    synchronized void add(ConnectionId connection, String channel, TaskChange change) {
        Instant now = clock.instant();
        Burst burst = bursts.computeIfAbsent(connection, id -> new Burst(channel, now));
        burst.channel = channel;
        burst.changes.add(change);
        burst.last = now;
    }

    /** Takes the bursts that are due and whose connection is not delivering already. */
    synchronized List<Due> takeDue() {
        Instant now = clock.instant();
        List<Due> due = new ArrayList<>();
        var entries = bursts.entrySet().iterator();
        while (entries.hasNext()) {
            var entry = entries.next();
            Burst burst = entry.getValue();
            boolean quiet = !burst.last.plus(settings.quietPeriod()).isAfter(now);
            boolean waitedLongEnough = !burst.first.plus(settings.maxWindow()).isAfter(now);
            if ((quiet || waitedLongEnough) && delivering.add(entry.getKey())) {
                entries.remove();
                due.add(new Due(entry.getKey(), burst.channel, List.copyOf(burst.changes)));
            }
        }
        return due;
    }

    private synchronized List<Due> takeAll() {
        List<Due> all = new ArrayList<>();
        bursts.forEach((connection, burst) -> all.add(new Due(connection, burst.channel, List.copyOf(burst.changes))));
        bursts.clear();
        return all;
    }

    private synchronized void delivered(ConnectionId connection) {
        delivering.remove(connection);
    }

    private Mono<Void> deliver(Due due) {
        return notifier.deliver(due.connection(), due.channel(), due.changes())
                .onErrorResume(failure -> {
                    log.warn("Delivery to Slack connection {} failed: {}", due.connection(), failure.toString());
                    return Mono.empty();
                })
                .doFinally(signal -> delivered(due.connection()));
    }

    @Override
    public void start() {
        ticking = Flux.interval(settings.tick(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .subscribe(tick -> takeDue().forEach(due -> deliver(due).subscribe()));
    }

    @Override
    public void stop() {
        Disposable current = ticking;
        if (current != null) {
            current.dispose();
            ticking = null;
        }
        try {
            Flux.fromIterable(takeAll()).flatMap(this::deliver).then().block(SHUTDOWN_WAIT);
        } catch (RuntimeException late) {
            log.warn("Notifications still buffered at shutdown were not all delivered: {}", late.toString());
        }
    }

    /** Stops after the Kafka listener containers (nothing is added any more), before the database and HTTP clients close. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 200;
    }

    @Override
    public boolean isRunning() {
        return ticking != null;
    }
}
