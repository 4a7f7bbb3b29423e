package org.integrationhub.sandbox.oauth;

import java.time.Instant;

/** Who an access token speaks for, with which scopes, until when. */
public record AccessGrant(Provider provider, String subject, String scope, Instant expiresAt) {
}
