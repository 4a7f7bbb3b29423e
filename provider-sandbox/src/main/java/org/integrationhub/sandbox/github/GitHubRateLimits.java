package org.integrationhub.sandbox.github;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * GitHub's primary rate limit, resource {@code core}: 5,000 requests an hour per token, 60 an hour
 * per address for requests without valid credentials. The window starts with its first request.
 */
@Component
class GitHubRateLimits {

    static final int AUTHENTICATED_LIMIT = 5_000;
    static final int ANONYMOUS_LIMIT = 60;
    private static final Duration WINDOW = Duration.ofHours(1);

    /** The state of one window after counting a request; {@code exceeded} when the request is over the limit. */
    record Usage(int limit, int used, long resetEpochSecond, boolean exceeded) {

        int remaining() {
            return Math.max(0, limit - used);
        }

        void writeTo(HttpHeaders headers) {
            headers.set("x-ratelimit-limit", String.valueOf(limit));
            headers.set("x-ratelimit-remaining", String.valueOf(remaining()));
            headers.set("x-ratelimit-used", String.valueOf(used));
            headers.set("x-ratelimit-reset", String.valueOf(resetEpochSecond));
            headers.set("x-ratelimit-resource", "core");
        }
    }

    private static final class Window {
        long resetEpochSecond;
        int used;
    }

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    GitHubRateLimits(Clock clock) {
        this.clock = clock;
    }

    Usage count(String key, int limit) {
        Window window = windows.computeIfAbsent(key, k -> new Window());
        synchronized (window) {
            long now = clock.instant().getEpochSecond();
            if (now >= window.resetEpochSecond) {
                window.resetEpochSecond = now + WINDOW.toSeconds();
                window.used = 0;
            }
            boolean exceeded = window.used >= limit;
            if (!exceeded) {
                window.used++;
            }
            return new Usage(limit, window.used, window.resetEpochSecond, exceeded);
        }
    }
}
