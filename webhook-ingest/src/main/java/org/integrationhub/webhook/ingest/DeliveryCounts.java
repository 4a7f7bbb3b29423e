package org.integrationhub.webhook.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.integrationhub.events.OrgId;

/**
 * How many webhook deliveries this instance took for each organisation, by provider and outcome,
 * since it started. Only deliveries to a known connection count (the connection names the
 * organisation); the counts live in memory, so each instance counts its own share and starts
 * again from zero after a restart. The Prometheus counter {@code hub.webhooks.deliveries} has
 * the totals over all organisations.
 */
class DeliveryCounts {

    /** One provider and outcome, and how many deliveries came to it. */
    public record Count(String provider, String outcome, long deliveries) {
    }

    public record Counted(Instant since, List<Count> counts) {
    }

    private record Key(String provider, String outcome) {
    }

    private final Instant since;
    private final Map<OrgId, Map<Key, LongAdder>> counts = new ConcurrentHashMap<>();

    DeliveryCounts(Clock clock) {
        this.since = clock.instant();
    }

    void record(OrgId org, String provider, String outcome) {
        counts.computeIfAbsent(org, any -> new ConcurrentHashMap<>()).computeIfAbsent(new Key(provider, outcome), any -> new LongAdder())
                .increment();
    }

    Counted of(OrgId org) {
        List<Count> found = counts.getOrDefault(org, Map.of()).entrySet().stream()
                .map(entry -> new Count(entry.getKey().provider(), entry.getKey().outcome(), entry.getValue().sum()))
                .sorted(Comparator.comparing(Count::provider).thenComparing(Count::outcome))
                .toList();
        return new Counted(since, found);
    }
}
