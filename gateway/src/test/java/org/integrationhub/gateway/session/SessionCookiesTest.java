package org.integrationhub.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.integrationhub.gateway.GatewaySettings;
import org.integrationhub.support.crypto.KeyRing;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class SessionCookiesTest {

    private static final String KEY = "dGVzdC1vbmx5LWdhdGV3YXktc2Vzc2lvbi1rZXktMzI=";
    private static final String OTHER_KEY = "b3RoZXItdGVzdC1nYXRld2F5LXNlc3Npb24ta2V5LTM=";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2ln";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));

    private SessionCookies cookies(String key) {
        var settings = new GatewaySettings.Session("HUB_SESSION", Duration.ofHours(8), true, null, List.of(new KeyRing.Key("k1", key)));
        return new SessionCookies(settings, new SessionRevocations(clock), clock);
    }

    private static MockServerHttpRequest requestWith(ResponseCookie cookie) {
        return MockServerHttpRequest.get("/").cookie(new org.springframework.http.HttpCookie(cookie.getName(), cookie.getValue())).build();
    }

    @Test
    void sealsTheTokenSoTheCookieNeverContainsIt() {
        SessionCookies sessions = cookies(KEY);
        BrowserSession session = sessions.start(TOKEN, clock.instant().plus(Duration.ofMinutes(15)));

        ResponseCookie cookie = sessions.cookieFor(session);

        assertThat(cookie.getValue()).doesNotContain(TOKEN).doesNotContain(session.id());
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofMinutes(15));
        assertThat(sessions.read(requestWith(cookie))).contains(session);
        assertThat(session.toString()).doesNotContain(TOKEN);
    }

    @Test
    void endsWithTheTokenOrTheConfiguredMaximumWhicheverIsFirst() {
        SessionCookies sessions = cookies(KEY);
        assertThat(sessions.start(TOKEN, clock.instant().plus(Duration.ofDays(2))).expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
        assertThat(sessions.start(TOKEN, null).expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
    }

    @Test
    void readsNoSessionFromAnExpiredRevokedTamperedOrForeignCookie() {
        SessionCookies sessions = cookies(KEY);
        BrowserSession session = sessions.start(TOKEN, clock.instant().plus(Duration.ofMinutes(15)));
        ResponseCookie cookie = sessions.cookieFor(session);
        String value = cookie.getValue();

        assertThat(sessions.open(value.substring(0, value.length() - 4) + "AAA=")).as("tampered").isEmpty();
        assertThat(sessions.open("not a sealed value")).as("garbage").isEmpty();
        assertThat(cookies(OTHER_KEY).open(value)).as("sealed under another key").isEmpty();

        clock.advance(Duration.ofMinutes(16));
        assertThat(sessions.open(value)).as("expired").isEmpty();

        clock.advance(Duration.ofMinutes(-16));
        sessions.signOut(session);
        assertThat(sessions.open(value)).as("signed out").isEmpty();
    }

    @Test
    void refusesToStartWithoutAKey() {
        var settings = new GatewaySettings.Session("HUB_SESSION", Duration.ofHours(8), false, null, List.of());
        assertThatThrownBy(() -> new SessionCookies(settings, new SessionRevocations(clock), clock))
                .hasMessageContaining("HUB_GATEWAY_SESSION_KEYS_0_ID");
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
