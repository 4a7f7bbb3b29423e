package org.integrationhub.webhook.ingest;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.IdempotencyKeys;
import org.integrationhub.events.Topics;
import org.integrationhub.events.WebhookReceived;
import org.integrationhub.support.kafka.EventPublisher;
import org.integrationhub.support.web.ApiResponse;
import org.integrationhub.support.web.Problems;
import org.integrationhub.webhook.connections.ConnectionView;
import org.integrationhub.webhook.connections.KnownConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/{provider}/{connectionId}}: finds the connection, checks the content type,
 * reads the raw body within the size limit, verifies the provider's signature over those bytes,
 * reads the delivery, and publishes it — answering 200 only once Kafka acknowledged the record, and
 * 503 when it did not within {@code hub.webhooks.ack-timeout}, so the provider retries. Nothing is
 * published for any rejection.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    /** What the delivery came to (see {@link WebhookOutcomes}); set on the exchange. */
    static final String OUTCOME = WebhookController.class.getName() + ".outcome";
    static final String DELIVERY_ID = WebhookController.class.getName() + ".deliveryId";

    private final Map<String, ProviderWebhooks> providers;
    private final ConnectionView connections;
    private final EventPublisher publisher;
    private final WebhookSettings settings;
    private final long maxBodyBytes;
    private final Clock clock;

    WebhookController(List<ProviderWebhooks> providers, ConnectionView connections, EventPublisher publisher,
            WebhookSettings settings, DataSize maxBody, Clock clock) {
        this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(p -> p.system().wireName(), Function.identity()));
        this.connections = connections;
        this.publisher = publisher;
        this.settings = settings;
        this.maxBodyBytes = maxBody.toBytes();
        this.clock = clock;
    }

    /** The provider's delivery as accepted: the hub's event id for it, and the provider's delivery id. */
    record Accepted(UUID eventId, String deliveryId) {
    }

    @PostMapping("/webhooks/{provider}/{connectionId}")
    Mono<ResponseEntity<Object>> receive(@PathVariable String provider, @PathVariable String connectionId, ServerWebExchange exchange) {
        ProviderWebhooks rules = providers.get(provider);
        if (rules == null) {
            throw WebhookRejected.unknownProvider();
        }
        KnownConnection connection = connection(rules, connectionId);
        ServerHttpRequest request = exchange.getRequest();
        MediaType contentType = request.getHeaders().getContentType();
        if (contentType == null || !rules.accepts(contentType)) {
            throw WebhookRejected.unsupportedMediaType(rules.acceptedTypes());
        }
        return body(request)
                .map(bytes -> new Inbound(request.getHeaders(), contentType, bytes, clock.instant()))
                .flatMap(delivery -> {
                    rules.verify(connection, delivery);
                    Parsed parsed = rules.read(delivery);
                    if (parsed.isHandshake()) {
                        exchange.getAttributes().put(OUTCOME, "handshake");
                        return Mono.just(ResponseEntity.ok(parsed.handshakeAnswer()));
                    }
                    if (parsed.deliveryId() != null) {
                        exchange.getAttributes().put(DELIVERY_ID, parsed.deliveryId());
                    }
                    return publish(rules, connection, delivery, parsed).doOnSuccess(ok -> exchange.getAttributes().put(OUTCOME, "accepted"));
                });
    }

    private KnownConnection connection(ProviderWebhooks rules, String connectionId) {
        ConnectionId id;
        try {
            id = ConnectionId.of(connectionId);
        } catch (IllegalArgumentException notAnId) {
            throw WebhookRejected.unknownConnection();
        }
        KnownConnection connection = connections.find(id).orElse(null);
        if (connection == null && !connections.isCaughtUp()) {
            throw WebhookRejected.connectionsLoading();
        }
        if (connection == null || !connection.enabled() || connection.system() != rules.system()) {
            throw WebhookRejected.unknownConnection();
        }
        return connection;
    }

    /** The raw body, refused with 413 as soon as more than the limit has been read. */
    private Mono<byte[]> body(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), (int) Math.min(maxBodyBytes, Integer.MAX_VALUE))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, tooLarge -> WebhookRejected.tooLarge(maxBodyBytes));
    }

    private Mono<ResponseEntity<Object>> publish(ProviderWebhooks rules, KnownConnection connection, Inbound delivery, Parsed parsed) {
        var payload = new WebhookReceived(connection.id(), rules.system(), parsed.deliveryId(), parsed.eventType(),
                parsed.keptHeaders(), delivery.contentType().toString(), delivery.body(), delivery.receivedAt());
        String idempotencyKey = IdempotencyKeys.webhook(rules.system(), connection.id(), parsed.deliveryId(), delivery.body());
        EventEnvelope<WebhookReceived> envelope = EventEnvelope.of(EventTypes.WEBHOOK_RECEIVED, connection.orgId(), idempotencyKey,
                payload, clock);
        return publisher.publish(Topics.WEBHOOK_DELIVERIES, connection.id(), envelope)
                .timeout(settings.ackTimeout())
                .<ResponseEntity<Object>>map(ack -> ResponseEntity.ok(ApiResponse.of(new Accepted(envelope.eventId(), parsed.deliveryId()))))
                .onErrorMap(failure -> {
                    log.warn("Delivery {} for connection {} was not acknowledged by Kafka: {}", parsed.deliveryId(), connection.id(),
                            NestedExceptionUtils.getMostSpecificCause(failure).toString());
                    return WebhookRejected.notAcknowledged();
                });
    }

    /**
     * Rejections as problems. 503s say when to retry; a 4xx to Slack carries {@code X-Slack-No-Retry}
     * since resending the same request cannot succeed.
     */
    @ExceptionHandler(WebhookRejected.class)
    ResponseEntity<ProblemDetail> rejected(WebhookRejected rejected, ServerWebExchange exchange) {
        exchange.getAttributes().put(OUTCOME, rejected.outcome());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(rejected.status()).contentType(Problems.PROBLEM_JSON);
        if (rejected.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        } else if (exchange.getRequest().getPath().value().startsWith("/webhooks/slack/")) {
            response.header("X-Slack-No-Retry", "1");
        }
        return response.body(Problems.of(rejected.status(), rejected.code(), rejected.getMessage()));
    }
}
