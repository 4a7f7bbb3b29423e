package org.integrationhub.gateway.session;

import java.time.Instant;

/**
 * A signed-in browser: a random session id (what sign-out revokes), when the session ends, and
 * the user's access token, which only the gateway ever reads. {@link #toString()} hides the token.
 */
public record BrowserSession(String id, Instant expiresAt, String accessToken) {

    @Override
    public String toString() {
        return "BrowserSession[id=" + id + ", expiresAt=" + expiresAt + "]";
    }
}
