package org.integrationhub.webhook.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.OrgId;
import org.integrationhub.webhook.connections.ConnectionView;
import org.integrationhub.webhook.connections.KnownConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts every webhook delivery by provider and outcome ({@code hub.webhooks.deliveries}, and per
 * organisation in {@link DeliveryCounts} when the connection is known) and logs
 * one line for it — ids and outcome only, never a body, header value or secret. It runs before the
 * request-size filter, so deliveries refused for their declared size are counted too.
 */
class WebhookOutcomes implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(WebhookOutcomes.class);
    private static final Set<String> PROVIDERS = Set.of("jira", "github", "slack");

    private final MeterRegistry registry;
    private final ConnectionView connections;
    private final DeliveryCounts counts;
    /** One counter per provider and outcome, registered on first use instead of looked up again for every delivery. */
    private final Map<Tags, Counter> counters = new ConcurrentHashMap<>();

    private record Tags(String provider, String outcome) {
    }

    WebhookOutcomes(MeterRegistry registry, ConnectionView connections, DeliveryCounts counts) {
        this.registry = registry;
        this.connections = connections;
        this.counts = counts;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/webhooks/")) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).doFinally(signal -> record(exchange, path));
    }

    private void record(ServerWebExchange exchange, String path) {
        String[] segments = path.split("/");
        String provider = segments.length > 2 && PROVIDERS.contains(segments[2]) ? segments[2] : "unknown";
        String connection = segments.length > 3 ? segments[3] : "";
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Object outcome = exchange.getAttribute(WebhookController.OUTCOME);
        String tag = outcome != null ? outcome.toString() : fromStatus(status);
        counters.computeIfAbsent(new Tags(provider, tag), this::counter).increment();
        organisationOf(connection).ifPresent(org -> counts.record(org, provider, tag));
        log.info("Webhook {} for connection {}: {} ({}), delivery {}", provider, connection.length() > 64 ? "?" : connection, tag,
                status == null ? "-" : status.value(), exchange.getAttributeOrDefault(WebhookController.DELIVERY_ID, "-"));
    }

    private Counter counter(Tags tags) {
        return Counter.builder("hub.webhooks.deliveries").description("Webhook deliveries by provider and outcome")
                .tag("provider", tags.provider()).tag("outcome", tags.outcome()).register(registry);
    }

    private Optional<OrgId> organisationOf(String connection) {
        try {
            return connections.find(ConnectionId.of(connection)).map(KnownConnection::orgId);
        } catch (IllegalArgumentException notAConnectionId) {
            return Optional.empty();
        }
    }

    private static String fromStatus(HttpStatusCode status) {
        if (status == null) {
            return "cancelled";
        }
        return switch (status.value()) {
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 404 -> "unknown_connection";
            case 405 -> "method_not_allowed";
            default -> status.is5xxServerError() ? "error" : "other";
        };
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
