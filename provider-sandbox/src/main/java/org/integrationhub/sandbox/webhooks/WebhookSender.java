package org.integrationhub.sandbox.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Pushes webhook deliveries like the providers do: a POST that must answer 2xx within a timeout,
 * retried (when the provider retries) on 408, 409, 425, 429, 5xx, connection failures and
 * timeouts, with the provider's retry headers. Knobs: {@code duplicates} sends every delivery
 * twice; {@code outOfOrder} holds each delivery back until the next one has been sent. Every
 * attempt is recorded for tests.
 */
@Component
public class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebClient http;
    private final Clock clock;
    private final ConcurrentLinkedQueue<WebhookAttempt> attempts = new ConcurrentLinkedQueue<>();
    private final AtomicReference<WebhookDelivery> heldBack = new AtomicReference<>();
    private volatile Duration timeout = Duration.ofSeconds(10);
    private volatile Duration retryBackoff = Duration.ofMillis(200);
    private volatile boolean duplicates;
    private volatile boolean outOfOrder;

    public WebhookSender(WebClient.Builder http, Clock clock) {
        this.http = http.build();
        this.clock = clock;
    }

    /** Sends (in the background) and returns at once, as a provider does not wait for its own webhooks. */
    public void send(WebhookDelivery delivery) {
        if (outOfOrder) {
            WebhookDelivery previous = heldBack.getAndSet(delivery);
            if (previous == null) {
                return;
            }
            deliver(delivery).then(deliver(previous)).subscribe();
            heldBack.compareAndSet(delivery, null);
            return;
        }
        Mono<Void> first = deliver(delivery);
        (duplicates ? first.then(deliver(delivery)) : first).subscribe();
    }

    private Mono<Void> deliver(WebhookDelivery delivery) {
        return attempt(delivery, 0);
    }

    private Mono<Void> attempt(WebhookDelivery delivery, int attempt) {
        return http.post().uri(delivery.url())
                .headers(headers -> {
                    headers.setContentType(MediaType.parseMediaType(delivery.contentType()));
                    delivery.headers().forEach(headers::set);
                    if (attempt > 0) {
                        delivery.retryHeaders().apply(attempt).forEach(headers::set);
                    }
                    headers.set(HttpHeaders.USER_AGENT, userAgent(delivery));
                })
                .bodyValue(delivery.body())
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(timeout)
                .map(status -> new WebhookAttempt(delivery.deliveryId(), delivery.url(), attempt, status, null, clock.instant()))
                .onErrorResume(failure -> Mono.just(new WebhookAttempt(delivery.deliveryId(), delivery.url(), attempt, 0,
                        failure.getClass().getSimpleName(), clock.instant())))
                .flatMap(result -> {
                    attempts.add(result);
                    if (retryable(result.status()) && attempt < delivery.maxRetries()) {
                        log.info("Webhook {} attempt {} answered {}; retrying", delivery.deliveryId(), attempt, result.status());
                        return Mono.delay(retryBackoff.multipliedBy(attempt + 1L)).then(attempt(delivery, attempt + 1));
                    }
                    return Mono.empty();
                });
    }

    static boolean retryable(int status) {
        return status == 0 || status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
    }

    private static String userAgent(WebhookDelivery delivery) {
        return switch (delivery.provider()) {
            case ATLASSIAN -> "Atlassian Webhook HTTP Client";
            case GITHUB -> "GitHub-Hookshot/sandbox";
            case SLACK -> "Slackbot 1.0 (+https://api.slack.com/robots)";
        };
    }

    /** Every attempt so far, oldest first. */
    public List<WebhookAttempt> attempts() {
        return List.copyOf(attempts);
    }

    public void configure(Duration timeout, Duration retryBackoff, boolean duplicates, boolean outOfOrder) {
        this.timeout = timeout;
        this.retryBackoff = retryBackoff;
        this.duplicates = duplicates;
        this.outOfOrder = outOfOrder;
    }

    public void reset() {
        attempts.clear();
        heldBack.set(null);
        configure(Duration.ofSeconds(10), Duration.ofMillis(200), false, false);
    }

    /** Fixed header sets, for providers that send the same headers on every attempt. */
    public static Map<String, String> noRetryHeaders(int attempt) {
        return Map.of();
    }
}
