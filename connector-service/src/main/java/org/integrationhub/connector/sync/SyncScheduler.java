package org.integrationhub.connector.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.SyncRequested;
import org.integrationhub.connector.PeriodicPass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Requests a sync (trigger {@code schedule}) for every enabled connection with polling on, once
 * per poll interval. Due connections are claimed with a conditional update of their
 * {@code next_poll_at}, so with several instances each due connection is claimed by one; a
 * connection whose previous run is still pending gets that run back rather than another. Each
 * pass then counts the runs in progress ({@link SyncRunsGauge}).
 */
@Component
@EnableConfigurationProperties(SyncSettings.class)
class SyncScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

    private final DatabaseClient db;
    private final SyncRuns runs;
    private final SyncSettings settings;
    private final Clock clock;
    private final PeriodicPass pass;

    SyncScheduler(DatabaseClient db, SyncRuns runs, SyncRunsGauge inProgress, SyncSettings settings, Clock clock) {
        this.db = db;
        this.runs = runs;
        this.settings = settings;
        this.clock = clock;
        this.pass = new PeriodicPass("Sync scheduler pass", settings.schedulerTick(), settings.schedulerTick(),
                () -> requestDueSyncs().count().then(inProgress.count()));
    }

    /** Claims the due connections and requests their syncs; emits each connection this pass claimed. */
    Flux<ConnectionId> requestDueSyncs() {
        Instant now = clock.instant();
        return db.sql("""
                update connections set next_poll_at = :next
                 where polling_enabled and enabled and (next_poll_at is null or next_poll_at <= :now)
                returning id, organisation_id""")
                .bind("now", now).bind("next", now.plus(settings.pollInterval()))
                .map((row, meta) -> new UUID[] {row.get("id", UUID.class), row.get("organisation_id", UUID.class)})
                .all()
                .concatMap(due -> runs.request(OrgId.of(due[1]), ConnectionId.of(due[0]), SyncRequested.Trigger.SCHEDULE)
                        .onErrorResume(failure -> {
                            log.warn("Scheduled sync of connection {} not requested: {}", due[0], failure.toString());
                            return Mono.empty();
                        })
                        .thenReturn(ConnectionId.of(due[0])));
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
