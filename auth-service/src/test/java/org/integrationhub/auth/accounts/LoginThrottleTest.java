package org.integrationhub.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.integrationhub.auth.AuthSettings;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static LoginThrottle throttle(Clock clock) {
        var settings = new AuthSettings(new AuthSettings.Password(4), null, new AuthSettings.Throttle(5, 50, Duration.ofMinutes(15)),
                null, List.of(), null);
        return new LoginThrottle(settings, clock);
    }

    @Test
    void concurrentAttemptsCannotSlipPastTheLimit() throws Exception {
        LoginThrottle throttle = throttle(Clock.fixed(NOW, ZoneOffset.UTC));
        var pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> attempts = IntStream.range(0, 100)
                    .<Callable<Boolean>>mapToObj(i -> () -> throttle.admit("victim@example.com", "10.0.0." + i).isEmpty())
                    .toList();
            long admitted = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                admitted += result.get() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSuccessStartsTheEmailAfreshAndTheWindowEnds() {
        var clock = new java.util.concurrent.atomic.AtomicReference<>(NOW);
        LoginThrottle throttle = throttle(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.get();
            }
        });
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.admit("a@example.com", "1.2.3.4")).isEmpty();
        }
        throttle.recordSuccess("a@example.com", "1.2.3.4");
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.admit("a@example.com", "1.2.3.4")).isEmpty();
        }
        assertThat(throttle.admit("a@example.com", "1.2.3.4")).hasValue(Duration.ofMinutes(15));
        clock.set(NOW.plus(Duration.ofMinutes(16)));
        assertThat(throttle.admit("a@example.com", "1.2.3.4")).isEmpty();
    }
}
