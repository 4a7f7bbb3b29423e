package org.integrationhub.sandbox.oauth;

import java.time.Instant;

/** What a token endpoint hands out; {@code refreshToken} is null when the grant has none. */
public record TokenPair(String accessToken, Instant expiresAt, long expiresInSeconds, String refreshToken, String scope, String subject) {
}
