package org.integrationhub.auth.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.integrationhub.auth.AuthSettings;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per email and per client address in a fixed window; once either reaches
 * the limit, further attempts are refused until the window ends, whatever the password. Kept in
 * memory per instance (see ADR 0006).
 */
@Component
class LoginThrottle {

    private static final int CLEAN_UP_ABOVE = 10_000;

    private final int maxPerEmail;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> failures = new ConcurrentHashMap<>();

    LoginThrottle(AuthSettings settings, Clock clock) {
        this.maxPerEmail = settings.throttle().maxFailuresPerEmail();
        this.maxPerAddress = settings.throttle().maxFailuresPerAddress();
        this.window = settings.throttle().window();
        this.clock = clock;
    }

    /** How long the caller must wait, if either key is blocked now. */
    Optional<Duration> blockedFor(String email, String address) {
        Instant now = clock.instant();
        return java.util.stream.Stream.of(blocked(failures.get(emailKey(email)), maxPerEmail, now),
                        blocked(failures.get(addressKey(address)), maxPerAddress, now))
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    private static Optional<Duration> blocked(Window window, int limit, Instant now) {
        return window != null && window.count() >= limit && window.endsAt().isAfter(now)
                ? Optional.of(Duration.between(now, window.endsAt())) : Optional.empty();
    }

    void recordFailure(String email, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {emailKey(email), addressKey(address)}) {
            failures.compute(key, (k, w) -> w == null || !w.endsAt().isAfter(now) ? new Window(1, now.plus(window)) : w.plusOne());
        }
        if (failures.size() > CLEAN_UP_ABOVE) {
            failures.values().removeIf(w -> !w.endsAt().isAfter(now));
        }
    }

    void recordSuccess(String email) {
        failures.remove(emailKey(email));
    }

    private static String emailKey(String email) {
        return "email:" + email;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private record Window(int count, Instant endsAt) {
        Window plusOne() {
            return new Window(count + 1, endsAt);
        }
    }
}
