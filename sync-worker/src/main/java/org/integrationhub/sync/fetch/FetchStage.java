package org.integrationhub.sync.fetch;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.IdempotencyKeys;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.SyncRequested;
import org.integrationhub.events.SyncRunId;
import org.integrationhub.events.TaskKey;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.Topics;
import org.integrationhub.support.kafka.EventPublisher;
import org.integrationhub.sync.failures.DatabaseFailures;
import org.integrationhub.sync.normalise.NormaliseSettings;
import org.integrationhub.sync.runs.SyncRunLedger;
import org.integrationhub.sync.stages.PipelineStages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Runs one sync: finds the connection in the local replica, gets its credentials from
 * connector-service, pages through the provider, and for every page publishes one
 * {@link TaskObserved} per new item (acknowledged by Kafka; each carries the sync run's id and its key is first
 * recorded in the {@link SyncRunLedger}), then saves the cursor, then reports progress. The run succeeds only once the
 * apply stage has judged every observation the fetch published (ADR 0021). The observations of a polled version share one idempotency key however often they are
 * fetched, so a sync that crashed and runs again, or overlaps a webhook, is applied once. A sync
 * that cannot complete records its reason on the run.
 */
@Service
public class FetchStage {

    private static final Logger log = LoggerFactory.getLogger(FetchStage.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);

    private final ConnectionReplica connections;
    private final Connector connector;
    private final SyncCursors cursors;
    private final EventPublisher publisher;
    private final WebClient.Builder http;
    private final FetchSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ProviderClient.Sleeper sleeper;
    private final NormaliseSettings rules;
    private final PipelineStages stages;

    private final SyncRunLedger ledger;
    private final SyncRunReporter reporter;

    FetchStage(ConnectionReplica connections, SyncCursors cursors, EventPublisher publisher, WebClient.Builder http, FetchSettings settings,
            NormaliseSettings rules, PipelineStages stages, MeterRegistry meters, Clock clock, Connector connector, SyncRunLedger ledger,
            SyncRunReporter reporter) {
        this.ledger = ledger;
        this.reporter = reporter;
        this.rules = rules;
        this.stages = stages;
        this.connections = connections;
        this.cursors = cursors;
        this.publisher = publisher;
        this.http = http;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.connector = connector;
        this.sleeper = duration -> Thread.sleep(duration.toMillis());
    }

    /** The counts of one sync, as reported on its run. */
    record Outcome(String status, int pages, int itemsSeen, String error) {
    }

    Outcome run(OrgId org, SyncRequested request) {
        SyncRunId run = request.syncRunId();
        ledger.fetchStarted(run, org, request.connectionId()).block(PUBLISH_TIMEOUT);
        reporter.report(run);
        var counts = new int[2];
        try {
            ConnectionReplica.Replicated connection = connection(org, request);
            TaskSource source = source(connection.system());
            if (request.fullResync()) {
                cursors.reset(connection.id());
            }
            var credentials = connector.credentials(connection.id());
            var client = new ProviderClient(http, settings, clock, sleeper);
            source.fetch(new TaskSource.Fetch(connection, credentials, client, cursors, settings.pageSize()),
                    (scope, itemsOnPage, observations, cursorAfter) -> {
                        List<TaskObserved> published = observations.stream().map(rules::applyTo).map(o -> o.publishedBy(run)).toList();
                        ledger.pagePublishing(run, published.stream().map(FetchStage::idempotencyKey).toList()).block(PUBLISH_TIMEOUT);
                        publish(org, published);
                        cursors.save(connection.id(), scope, cursorAfter);
                        counts[0]++;
                        counts[1] += observations.size();
                        meters.counter("sync.fetch.observations", "system", connection.system().wireName()).increment(observations.size());
                        stages.handled(PipelineStages.Stage.FETCH, observations.size());
                        // no report per page: counting a large run's ledger each page would make a sync quadratic;
                        // the reporter's sweep reports it every progress-interval while it runs
                    });
            // the run succeeds once the apply stage has judged everything published (SyncRunReporter reports it)
            ledger.fetchEnded(run).block(PUBLISH_TIMEOUT);
            reporter.report(run);
            meters.counter("sync.fetch.runs", "outcome", "succeeded").increment();
            log.info("Sync run {} of connection {} fetched: {} page(s), {} new item(s)", request.syncRunId(), request.connectionId(),
                    counts[0], counts[1]);
            return new Outcome("succeeded", counts[0], counts[1], null);
        } catch (SyncFailed failed) {
            fail(run, failed.getMessage());
            meters.counter("sync.fetch.runs", "outcome", "failed").increment();
            stages.failed(PipelineStages.Stage.FETCH, "sync run " + request.syncRunId() + ": " + failed.getMessage());
            log.warn("Sync run {} of connection {} failed after {} page(s): {}", request.syncRunId(), request.connectionId(), counts[0],
                    failed.getMessage());
            return new Outcome("failed", counts[0], counts[1], failed.getMessage());
        } catch (RuntimeException unexpected) {
            stages.failed(PipelineStages.Stage.FETCH, unexpected);
            if (DatabaseFailures.isUnavailable(unexpected)) {
                // the failure policy retries until the database is back; the sync then resumes from its saved cursor
                throw unexpected;
            }
            log.error("Sync run {} of connection {} failed unexpectedly after {} page(s)", request.syncRunId(), request.connectionId(),
                    counts[0], unexpected);
            String reason = "internal error (" + unexpected.getClass().getSimpleName() + "); see sync-worker's log";
            fail(run, reason);
            meters.counter("sync.fetch.runs", "outcome", "failed").increment();
            return new Outcome("failed", counts[0], counts[1], reason);
        }
    }

    private void fail(SyncRunId run, String reason) {
        ledger.fetchFailed(run, reason.length() > 2000 ? reason.substring(0, 2000) : reason).block(PUBLISH_TIMEOUT);
        reporter.report(run);
    }

    private static String idempotencyKey(TaskObserved observed) {
        return IdempotencyKeys.polledItem(observed.connectionId(), observed.externalId(), observed.sourceUpdatedAt());
    }

    /** The connection from the replica; a request may overtake its connection's snapshot, so it waits a little. */
    private ConnectionReplica.Replicated connection(OrgId org, SyncRequested request) {
        Instant deadline = clock.instant().plus(settings.connectionWait());
        while (true) {
            Optional<ConnectionReplica.Replicated> found = connections.find(request.connectionId(), PUBLISH_TIMEOUT);
            if (found.isPresent()) {
                var connection = found.get();
                if (!connection.orgId().equals(org)) {
                    throw new SyncFailed("the sync request's organisation does not own the connection");
                }
                if (connection.deleted() || !connection.enabled()) {
                    throw new SyncFailed("the connection is " + (connection.deleted() ? "deleted" : "disabled"));
                }
                return connection;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new SyncFailed("the connection is unknown to sync-worker (no snapshot on " + Topics.CONNECTIONS.name() + ")");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SyncFailed("the sync was interrupted");
            }
        }
    }

    private static TaskSource source(ExternalSystem system) {
        return switch (system) {
            case JIRA -> new JiraSource();
            case GITHUB -> new GitHubSource();
            default -> throw new SyncFailed(system.wireName() + " connections hold no tasks to sync");
        };
    }

    private void publish(OrgId org, List<TaskObserved> observations) {
        Flux.fromIterable(observations)
                .flatMap(observed -> {
                    String key = idempotencyKey(observed);
                    var envelope = EventEnvelope.of(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)), EventTypes.TASK_OBSERVED,
                            org, key, observed, clock);
                    return publisher.publish(Topics.TASK_OBSERVATIONS, new TaskKey(org, observed.system(), observed.externalId()), envelope);
                }, 32)
                .then().block(PUBLISH_TIMEOUT);
    }
}
