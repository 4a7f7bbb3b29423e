package org.integrationhub.auth.tokens;

import java.time.Instant;

/** A signed JWT and when it stops being valid. */
public record IssuedToken(String value, Instant expiresAt, long expiresInSeconds) {

    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + "]";
    }
}
