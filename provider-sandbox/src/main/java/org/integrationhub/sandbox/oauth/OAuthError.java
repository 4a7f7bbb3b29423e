package org.integrationhub.sandbox.oauth;

/** Why an OAuth request failed, before each provider words it its own way. */
public enum OAuthError {
    /** Unknown client id or wrong secret. */
    INVALID_CLIENT,
    /** Unknown, used or expired code; unknown, revoked, expired or reused refresh token. */
    INVALID_GRANT,
    /** The redirect URI differs from the one the code was issued for. */
    REDIRECT_MISMATCH,
    /** A code_challenge was sent and the code_verifier does not match it (RFC 7636). */
    PKCE_FAILED
}
