package org.integrationhub.sandbox.atlassian;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Collectors;
import org.integrationhub.sandbox.webhooks.WebhookAttempt;
import org.integrationhub.sandbox.webhooks.WebhookSender;
import org.springframework.stereotype.Component;

/**
 * The deliveries of webhooks an OAuth app registered, kept for 72 hours, so that
 * {@code GET /webhook/failed} can list the ones that failed after every retry (from the sender's
 * recorded attempts: no 2xx, and the last attempt was final).
 */
@Component
class JiraDeliveryLog {

    static final Duration KEPT = Duration.ofHours(72);

    record Logged(String deliveryId, String clientId, String url, String body, int maxRetries, Instant at) {
    }

    record Failure(String deliveryId, String url, String body, Instant failureTime) {
    }

    private final WebhookSender sender;
    private final Clock clock;
    private final ConcurrentLinkedDeque<Logged> deliveries = new ConcurrentLinkedDeque<>();

    JiraDeliveryLog(WebhookSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    void record(String deliveryId, String clientId, String url, String body, int maxRetries) {
        deliveries.addLast(new Logged(deliveryId, clientId, url, body, maxRetries, clock.instant()));
        Instant oldest = clock.instant().minus(KEPT);
        deliveries.removeIf(logged -> logged.at().isBefore(oldest));
    }

    /** The app's failed deliveries, oldest failure first. */
    List<Failure> failures(String clientId) {
        Map<String, List<WebhookAttempt>> attempts = sender.attempts().stream()
                .collect(Collectors.groupingBy(WebhookAttempt::deliveryId));
        Instant oldest = clock.instant().minus(KEPT);
        return deliveries.stream().filter(logged -> logged.clientId().equals(clientId)).map(logged -> {
            List<WebhookAttempt> tries = attempts.getOrDefault(logged.deliveryId(), List.of());
            if (tries.isEmpty() || tries.stream().anyMatch(a -> a.status() >= 200 && a.status() < 300)) {
                return null;
            }
            WebhookAttempt last = tries.stream().max(Comparator.comparingInt(WebhookAttempt::attempt)).orElseThrow();
            boolean finished = last.attempt() >= logged.maxRetries() || !retryable(last.status());
            return finished && !last.at().isBefore(oldest) ? new Failure(logged.deliveryId(), logged.url(), logged.body(), last.at()) : null;
        }).filter(Objects::nonNull).sorted(Comparator.comparing(Failure::failureTime)).toList();
    }

    private static boolean retryable(int status) {
        return status == 0 || status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
    }
}
