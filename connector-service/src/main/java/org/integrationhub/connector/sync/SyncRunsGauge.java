package org.integrationhub.connector.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The gauge {@code hub.sync.runs.in.progress{status=queued|running}} (Prometheus
 * {@code hub_sync_runs_in_progress}): the sync runs of every organisation not finished yet,
 * counted on each pass of the {@link SyncScheduler} (ADR 0017; the operator's "sync runs in
 * progress").
 */
@Component
class SyncRunsGauge {

    private static final List<String> UNFINISHED = List.of("queued", "running");

    private final DatabaseClient db;
    private final MultiGauge gauge;

    SyncRunsGauge(DatabaseClient db, MeterRegistry meters) {
        this.db = db;
        this.gauge = MultiGauge.builder("hub.sync.runs.in.progress").description("sync runs queued or running, every organisation")
                .register(meters);
    }

    Mono<Void> count() {
        return db.sql("select status, count(*) as runs from sync_runs where status in ('queued', 'running') group by status")
                .map((row, meta) -> Map.entry(row.get("status", String.class), row.get("runs", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .doOnNext(counts -> gauge.register(UNFINISHED.stream()
                        .map(status -> MultiGauge.Row.of(Tags.of("status", status), counts.getOrDefault(status, 0L))).toList(), true))
                .then();
    }
}
