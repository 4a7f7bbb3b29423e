package org.integrationhub.gateway.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions that were signed out before their cookie expired. A revoked id stays here until
 * the session would have ended anyway, so a copied cookie is worthless after sign-out. Held in
 * memory of this gateway instance (ADR 0014 names the limitation for several instances).
 */
public final class SessionRevocations {

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock;

    public SessionRevocations(Clock clock) {
        this.clock = clock;
    }

    public void revoke(BrowserSession session) {
        Instant now = clock.instant();
        revoked.values().removeIf(expiry -> expiry.isBefore(now));
        revoked.put(session.id(), session.expiresAt());
    }

    public boolean isRevoked(String sessionId) {
        return revoked.containsKey(sessionId);
    }
}
