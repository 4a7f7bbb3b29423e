package org.integrationhub.connector.notifications;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.integrationhub.connector.oauth.OAuthSettings;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Slack's {@code chat.postMessage} with the bot token, at Slack's API base of the OAuth catalogue.
 * A 429 waits its {@code Retry-After} (at most {@code max-retry-after}) and a refused connection a
 * short backoff, for at most {@code max-attempts} tries; then the post is given up. A 5xx or a
 * timeout is given up at once: Slack may have posted it, and a notification is sent at most once. {@code ok: false} is
 * answered as Slack's error code. Runs off the Kafka listener's thread: waiting here never holds a
 * partition.
 */
@Component
class SlackPoster {

    /** What became of one post. */
    sealed interface Result {
        record Posted(String channel, String ts) implements Result {
        }

        record Refused(String error) implements Result {
        }

        record GaveUp(String reason) implements Result {
        }
    }

    private record Attempt(Result result, Duration retryAfter) {
    }

    private final WebClient http;
    private final String postMessageUrl;
    private final SlackNotificationSettings settings;

    SlackPoster(WebClient.Builder http, OAuthSettings oauth, SlackNotificationSettings settings) {
        this.http = http.build();
        OAuthSettings.Provider slack = oauth.providers().get("slack");
        String base = slack == null || slack.apiBaseUrl() == null ? "https://slack.com/api" : slack.apiBaseUrl();
        this.postMessageUrl = base.replaceAll("/+$", "") + "/chat.postMessage";
        this.settings = settings;
    }

    Mono<Result> post(String token, String channel, SlackMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("text", message.text());
        body.put("blocks", message.blocks());
        body.put("unfurl_links", false);
        return attempt(token, body, 1);
    }

    private Mono<Result> attempt(String token, Map<String, Object> body, int attempt) {
        return http.post().uri(postMessageUrl)
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(this::read)
                .timeout(settings.timeout())
                // only a request that never reached Slack is sent again: after a timeout it may have been posted
                .onErrorResume(failure -> Mono.just(new Attempt(new Result.GaveUp(failure.getClass().getSimpleName()),
                        neverSent(failure) ? backoff(attempt) : null)))
                .flatMap(outcome -> {
                    if (outcome.retryAfter() == null) {
                        return Mono.just(outcome.result());
                    }
                    if (attempt >= settings.maxAttempts()) {
                        return Mono.just(outcome.result());
                    }
                    return Mono.delay(outcome.retryAfter()).then(attempt(token, body, attempt + 1));
                });
    }

    private Mono<Attempt> read(ClientResponse response) {
        int status = response.statusCode().value();
        if (status == 429) {
            Duration wait = retryAfter(response.headers().asHttpHeaders().getFirst("Retry-After"));
            return response.releaseBody().thenReturn(new Attempt(new Result.GaveUp("rate limited"), wait));
        }
        if (response.statusCode().is5xxServerError()) {
            // Slack may have posted before failing: not sent again (at most once)
            return response.releaseBody().thenReturn(new Attempt(new Result.GaveUp("HTTP " + status), null));
        }
        return response.bodyToMono(Map.class)
                .map(answer -> Boolean.TRUE.equals(answer.get("ok"))
                        ? new Attempt(new Result.Posted(String.valueOf(answer.get("channel")), String.valueOf(answer.get("ts"))), null)
                        : new Attempt(new Result.Refused(String.valueOf(answer.get("error"))), null))
                .defaultIfEmpty(new Attempt(new Result.GaveUp("HTTP " + status + " without a body"), null));
    }

    private Duration retryAfter(String header) {
        long seconds;
        try {
            seconds = header == null ? 1 : Math.max(0, Long.parseLong(header.trim()));
        } catch (NumberFormatException unreadable) {
            seconds = 1;
        }
        Duration wait = Duration.ofSeconds(seconds);
        return wait.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : wait;
    }

    private static boolean neverSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(500L << Math.min(attempt, 5));
    }
}
