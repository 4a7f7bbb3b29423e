package org.integrationhub.gateway.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.integrationhub.gateway.GatewaySettings;
import org.integrationhub.support.crypto.Sealed;
import org.integrationhub.support.crypto.SealedValueUnreadable;
import org.integrationhub.support.crypto.SecretBox;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Issues and reads the browser session cookie: the session id, its end and the access token,
 * sealed with AES-256-GCM (bound to the purpose "gateway-session"), HttpOnly, SameSite=Lax. The
 * browser holds only ciphertext; a cookie that does not open, has expired or was signed out
 * counts as no session.
 */
public final class SessionCookies {

    private static final String CONTEXT = "gateway-session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretBox box;
    private final GatewaySettings.Session settings;
    private final SessionRevocations revocations;
    private final Clock clock;

    public SessionCookies(GatewaySettings.Session settings, SessionRevocations revocations, Clock clock) {
        this.box = new SecretBox(settings.keyRing(), "gateway session",
                "set HUB_GATEWAY_SESSION_KEYS_0_ID and HUB_GATEWAY_SESSION_KEYS_0_SECRET (32 random bytes, base64)");
        this.settings = settings;
        this.revocations = revocations;
        this.clock = clock;
    }

    public String cookieName() {
        return settings.cookieName();
    }

    /** A new session for this token, ending with the token or the configured maximum, whichever is first. */
    public BrowserSession start(String accessToken, Instant tokenExpiresAt) {
        Instant latest = clock.instant().plus(settings.maxAge());
        Instant end = tokenExpiresAt == null || tokenExpiresAt.isAfter(latest) ? latest : tokenExpiresAt;
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return new BrowserSession(HexFormat.of().formatHex(id), end, accessToken);
    }

    public ResponseCookie cookieFor(BrowserSession session) {
        String plaintext = session.id() + "\n" + session.expiresAt().getEpochSecond() + "\n" + session.accessToken();
        Duration left = Duration.between(clock.instant(), session.expiresAt());
        return cookie(box.seal(CONTEXT, plaintext).encode(), left.isNegative() ? Duration.ZERO : left);
    }

    /** A cookie that makes the browser forget the session. */
    public ResponseCookie cleared() {
        return cookie("", Duration.ZERO);
    }

    public Optional<BrowserSession> read(ServerHttpRequest request) {
        HttpCookie cookie = request.getCookies().getFirst(settings.cookieName());
        return cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : open(cookie.getValue());
    }

    Optional<BrowserSession> open(String value) {
        String[] parts;
        try {
            parts = box.open(CONTEXT, Sealed.decode(value)).split("\n", 3);
        } catch (SealedValueUnreadable unreadable) {
            return Optional.empty();
        }
        if (parts.length != 3) {
            return Optional.empty();
        }
        BrowserSession session = new BrowserSession(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1])), parts[2]);
        if (!session.expiresAt().isAfter(clock.instant()) || revocations.isRevoked(session.id())) {
            return Optional.empty();
        }
        return Optional.of(session);
    }

    public void signOut(BrowserSession session) {
        revocations.revoke(session);
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(settings.cookieName(), value)
                .httpOnly(true).secure(settings.secureCookie()).sameSite("Lax").path("/").maxAge(maxAge).build();
    }
}
