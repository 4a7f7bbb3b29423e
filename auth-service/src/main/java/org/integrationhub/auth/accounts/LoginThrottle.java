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
 * Counts sign-in attempts that did not succeed, per email and per client address, in a fixed
 * window; once either reaches the limit, further attempts are refused until the window ends,
 * whatever the password. An attempt counts from before its password is checked, so concurrent
 * attempts cannot exceed the limit. Kept in memory per instance (see ADR 0006).
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

    /**
     * Counts a sign-in attempt against the email and the address before the password is checked,
     * atomically, so that concurrent attempts cannot slip past the limit; returns how long the
     * caller must wait if either is already at its limit (the attempt is then not counted).
     */
    synchronized Optional<Duration> admit(String email, String address) {
        Instant now = clock.instant();
        Optional<Duration> wait = java.util.stream.Stream.of(blocked(current(emailKey(email), now), maxPerEmail, now),
                        blocked(current(addressKey(address), now), maxPerAddress, now))
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
        if (wait.isEmpty()) {
            for (String key : new String[] {emailKey(email), addressKey(address)}) {
                failures.compute(key, (k, w) -> w == null || !w.endsAt().isAfter(now) ? new Window(1, now.plus(window)) : w.plusOne());
            }
            if (failures.size() > CLEAN_UP_ABOVE) {
                failures.values().removeIf(w -> !w.endsAt().isAfter(now));
            }
        }
        return wait;
    }

    private Window current(String key, Instant now) {
        Window window = failures.get(key);
        return window == null || !window.endsAt().isAfter(now) ? null : window;
    }

    private static Optional<Duration> blocked(Window window, int limit, Instant now) {
        return window != null && window.count() >= limit ? Optional.of(Duration.between(now, window.endsAt())) : Optional.empty();
    }

    /** A successful sign-in: the email starts afresh, and the attempt no longer counts against the address. */
    synchronized void recordSuccess(String email, String address) {
        failures.remove(emailKey(email));
        failures.computeIfPresent(addressKey(address), (k, w) -> w.count() <= 1 ? null : new Window(w.count() - 1, w.endsAt()));
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
