package org.integrationhub.sync.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import tools.jackson.databind.JsonNode;

/**
 * Calls a provider's REST API and honours its limits: a 429 (or a 503, or GitHub's 403 with no
 * requests left) waits for {@code Retry-After}, or until {@code x-ratelimit-reset}, and tries
 * again — up to {@code maxRetries} times and never longer than {@code maxRetryWait} a time; a
 * response that says no requests are left waits for the reset before the next call. Other errors
 * fail the sync with the status, never the body.
 */
class ProviderClient {

    private static final Logger log = LoggerFactory.getLogger(ProviderClient.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_PAGE_BYTES = 32 * 1024 * 1024;

    /** A page as the provider answered it. */
    record Answer(JsonNode body, HttpHeaders headers) {
    }

    private final WebClient http;
    private final FetchSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant notBefore = Instant.MIN;

    /** Waiting, replaceable so that what the waits are can be observed. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    ProviderClient(WebClient.Builder http, FetchSettings settings, Clock clock, Sleeper sleeper) {
        // a page of 100 issues with their fields is far larger than the service's request-body limit
        this.http = http.clone().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_PAGE_BYTES)).build();
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    Answer get(String url, String authorization, Function<HttpHeaders, HttpHeaders> extraHeaders) {
        for (int attempt = 0; ; attempt++) {
            waitUntil(notBefore);
            ResponseEntity<JsonNode> response;
            try {
                response = http.get().uri(java.net.URI.create(url))
                        .headers(h -> {
                            h.set(HttpHeaders.AUTHORIZATION, authorization);
                            extraHeaders.apply(h);
                        })
                        .exchangeToMono(r -> r.toEntity(JsonNode.class))
                        .block(CALL_TIMEOUT);
            } catch (WebClientRequestException unreachable) {
                throw new SyncFailed("the provider could not be reached (" + unreachable.getMostSpecificCause().getClass().getSimpleName() + ")");
            }
            if (response == null) {
                throw new SyncFailed("the provider did not answer");
            }
            HttpStatusCode status = response.getStatusCode();
            HttpHeaders headers = response.getHeaders();
            Duration wait = retryWait(status, headers);
            if (wait != null) {
                if (attempt >= settings.maxRetries()) {
                    throw new SyncFailed("the provider kept answering " + status.value() + " after " + attempt + " retries");
                }
                if (wait.compareTo(settings.maxRetryWait()) > 0) {
                    throw new SyncFailed("the provider asked to wait " + wait.toSeconds() + " s, longer than " + settings.maxRetryWait().toSeconds() + " s");
                }
                log.info("Provider answered {}; retrying in {} ms", status.value(), wait.toMillis());
                waitUntil(clock.instant().plus(wait));
                continue;
            }
            if (!status.is2xxSuccessful()) {
                throw new SyncFailed("the provider answered " + status.value() + " to " + pathOf(url));
            }
            if ("0".equals(headers.getFirst("x-ratelimit-remaining"))) {
                notBefore = resetTime(headers);
            }
            return new Answer(response.getBody(), headers);
        }
    }

    /** How long to wait before retrying, or null when the answer is not a "slow down". */
    private Duration retryWait(HttpStatusCode status, HttpHeaders headers) {
        boolean exhausted = "0".equals(headers.getFirst("x-ratelimit-remaining"));
        if (status.value() != 429 && status.value() != 503 && !(status.value() == 403 && (exhausted || headers.containsHeader(HttpHeaders.RETRY_AFTER)))) {
            return null;
        }
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
            } catch (NumberFormatException httpDate) {
                return Duration.ofSeconds(1);
            }
        }
        if (exhausted) {
            Duration untilReset = Duration.between(clock.instant(), resetTime(headers));
            return untilReset.isNegative() ? Duration.ZERO : untilReset;
        }
        return Duration.ofSeconds(1);
    }

    private Instant resetTime(HttpHeaders headers) {
        String reset = headers.getFirst("x-ratelimit-reset");
        try {
            return reset == null ? clock.instant().plusSeconds(1) : Instant.ofEpochSecond(Long.parseLong(reset.trim()));
        } catch (NumberFormatException notEpochSeconds) {
            return clock.instant().plusSeconds(1);
        }
    }

    private void waitUntil(Instant when) {
        Duration wait = Duration.between(clock.instant(), when);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SyncFailed("the sync was interrupted");
        }
    }

    private static String pathOf(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
