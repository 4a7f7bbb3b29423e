package org.integrationhub.sync.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.integrationhub.events.SyncRunId;
import org.integrationhub.sync.runs.SyncRunLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reports sync runs' progress to connector-service from the {@link SyncRunLedger} (ADR 0021): right away when
 * the fetch changes a run, and every {@code hub.sync.fetch.progress-interval} for each open run whose progress
 * differs from what connector-service last acknowledged (the apply stage's counts grow meanwhile). A report
 * carries absolute counts and connector-service keeps the greatest, so a repeated or late report is harmless;
 * one that was not acknowledged is sent again (backing off while connector-service does not answer), so none is lost.
 */
@Component
class SyncRunReporter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncRunReporter.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final SyncRunLedger ledger;
    private final Connector connector;
    private final FetchSettings settings;
    private final Map<SyncRunId, Instant> backingOff = new ConcurrentHashMap<>();
    private volatile Disposable sweeping;

    SyncRunReporter(SyncRunLedger ledger, Connector connector, FetchSettings settings) {
        this.ledger = ledger;
        this.connector = connector;
        this.settings = settings;
    }

    /** Reports the run's current progress now (if it changed); never fails the caller. */
    void report(SyncRunId run) {
        try {
            SyncRunLedger.Progress progress = ledger.progress(run).block(DB_TIMEOUT);
            if (progress == null || !progress.reportDue()) {
                return;
            }
            // the HTTP call blocks, so never inside the database driver's reactive chain
            if (connector.progress(run, progress.status(), progress.pages(), progress.itemsSeen(), progress.itemsApplied(),
                    progress.error())) {
                ledger.reported(progress).block(DB_TIMEOUT);
                backingOff.remove(run);
            } else {
                backOff(run);
            }
        } catch (RuntimeException notReported) {
            log.warn("Progress of sync run {} was not reported: {}", run, notReported.toString());
            backOff(run);
        }
    }

    private void backOff(SyncRunId run) {
        Instant now = Instant.now();
        backingOff.compute(run, (id, until) -> {
            Duration last = until == null ? Duration.ZERO : Duration.between(now, until).abs();
            Duration next = last.isZero() ? settings.progressInterval() : last.multipliedBy(2);
            return now.plus(next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next);
        });
    }

    private void sweep() {
        Instant now = Instant.now();
        ledger.open(500).collectList().block(DB_TIMEOUT).stream()
                .filter(run -> !backingOff.getOrDefault(run, Instant.MIN).isAfter(now))
                .forEach(this::report);
    }

    @Override
    public void start() {
        sweeping = Flux.interval(settings.progressInterval(), settings.progressInterval(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromRunnable(this::sweep)
                        .doOnError(e -> log.warn("Sync run progress not swept: {}", e.toString()))
                        .onErrorComplete(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = sweeping;
        if (current != null) {
            current.dispose();
        }
        sweeping = null;
    }

    @Override
    public boolean isRunning() {
        return sweeping != null;
    }
}
