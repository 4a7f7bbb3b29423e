package org.integrationhub.sandbox.slack;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's Events API deliveries: a JSON POST signed with the app's signing secret (a fresh
 * {@code X-Slack-Request-Timestamp} and {@code X-Slack-Signature} on every attempt) that must be
 * answered 2xx within 3 seconds. A failure is retried up to 3 times with {@code X-Slack-Retry-Num}
 * and {@code X-Slack-Retry-Reason} ({@code http_timeout}, {@code http_error} for a non-2xx answer,
 * {@code connection_failed}), unless the answer carried {@code X-Slack-No-Retry: 1}. Slack waits
 * about a minute and then five between retries; the sandbox waits {@code retryBackoff}.
 *
 * <p>Not sent through the shared webhook sender: its retry decision sees only the status, and Slack's
 * depends on an answer header, the kind of failure and a 3-second timeout of its own.
 */
@Component
class SlackEvents {

    static final int MAX_RETRIES = 3;
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final Duration RETRY_BACKOFF = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(SlackEvents.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    /** One attempt: the status (0 without an answer), the failure that makes it retried, if any. */
    record Attempt(String eventId, String url, int attempt, int status, String failure, boolean noRetry, Instant at) {
    }

    /** What was sent: the event id (event callbacks) or the challenge (URL verification). */
    record Sent(String eventId, String challenge, String body) {
    }

    private record Delivery(String key, String url, byte[] body, Duration timeout, Duration backoff) {
    }

    private record Outcome(int status, boolean noRetry, String failure) {
    }

    private final WebClient http;
    private final SlackApp app;
    private final JsonMapper mapper;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();

    SlackEvents(WebClient.Builder http, SlackApp app, JsonMapper mapper, Clock clock) {
        this.http = http.build();
        this.app = app;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** An {@code event_callback} around {@code event} (which gets an {@code event_ts} if it has none). */
    Sent eventCallback(String url, Map<String, Object> event, Duration timeout, Duration backoff) {
        Instant now = clock.instant();
        Map<String, Object> inner = new LinkedHashMap<>(event);
        inner.putIfAbsent("event_ts", String.format("%d.%06d", now.getEpochSecond(), now.getNano() / 1_000));
        String eventId = "Ev" + random(10);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", SlackApp.VERIFICATION_TOKEN);
        body.put("team_id", app.teamId());
        body.put("api_app_id", SlackApp.APP_ID);
        body.put("event", inner);
        body.put("type", "event_callback");
        body.put("event_id", eventId);
        body.put("event_time", now.getEpochSecond());
        Map<String, Object> authorization = new LinkedHashMap<>();
        authorization.put("enterprise_id", null);
        authorization.put("team_id", app.teamId());
        authorization.put("user_id", SlackApp.BOT_USER_ID);
        authorization.put("is_bot", true);
        authorization.put("is_enterprise_install", false);
        body.put("authorizations", List.of(authorization));
        body.put("is_ext_shared_channel", false);
        byte[] bytes = mapper.writeValueAsBytes(body);
        send(new Delivery(eventId, url, bytes, timeout, backoff));
        return new Sent(eventId, null, new String(bytes, StandardCharsets.UTF_8));
    }

    /** A {@code url_verification} with this challenge (a random one when null). */
    Sent urlVerification(String url, String challenge, Duration timeout, Duration backoff) {
        String value = challenge == null || challenge.isBlank() ? random(48) : challenge;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", SlackApp.VERIFICATION_TOKEN);
        body.put("challenge", value);
        body.put("type", "url_verification");
        byte[] bytes = mapper.writeValueAsBytes(body);
        send(new Delivery("challenge:" + value, url, bytes, timeout, backoff));
        return new Sent(null, value, new String(bytes, StandardCharsets.UTF_8));
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    void clear() {
        attempts.clear();
    }

    private void send(Delivery delivery) {
        attempt(delivery, 0, null).subscribe(null, failure -> log.warn("Slack event {} failed unexpectedly", delivery.key(), failure));
    }

    private Mono<Void> attempt(Delivery delivery, int attempt, String retryReason) {
        return Mono.defer(() -> {
            long timestamp = clock.instant().getEpochSecond();
            String signature = SlackSigner.sign(app.signingSecret(), timestamp, delivery.body());
            return http.post().uri(delivery.url())
                    .headers(headers -> {
                        headers.setContentType(MediaType.APPLICATION_JSON);
                        headers.set(HttpHeaders.USER_AGENT, "Slackbot 1.0 (+https://api.slack.com/robots)");
                        headers.set("X-Slack-Request-Timestamp", String.valueOf(timestamp));
                        headers.set("X-Slack-Signature", signature);
                        if (attempt > 0) {
                            headers.set("X-Slack-Retry-Num", String.valueOf(attempt));
                            headers.set("X-Slack-Retry-Reason", retryReason);
                        }
                    })
                    .bodyValue(delivery.body())
                    .exchangeToMono(response -> response.releaseBody().thenReturn(new Outcome(response.statusCode().value(),
                            "1".equals(response.headers().asHttpHeaders().getFirst("X-Slack-No-Retry")),
                            response.statusCode().is2xxSuccessful() ? null : "http_error")))
                    .timeout(delivery.timeout())
                    .onErrorResume(failure -> Mono.just(new Outcome(0, false,
                            failure instanceof TimeoutException ? "http_timeout" : "connection_failed")));
        }).flatMap(outcome -> {
            attempts.add(new Attempt(delivery.key(), delivery.url(), attempt, outcome.status(), outcome.failure(), outcome.noRetry(),
                    clock.instant()));
            if (outcome.failure() == null || outcome.noRetry() || attempt >= MAX_RETRIES) {
                return Mono.<Void>empty();
            }
            log.info("Slack event {} attempt {} failed ({}); retrying", delivery.key(), attempt, outcome.failure());
            return Mono.delay(delivery.backoff()).then(attempt(delivery, attempt + 1, outcome.failure()));
        });
    }

    private static String random(int length) {
        char[] value = new char[length];
        for (int i = 0; i < length; i++) {
            value[i] = ID_CHARS[RANDOM.nextInt(ID_CHARS.length)];
        }
        return new String(value);
    }
}
