package org.integrationhub.connector.oauth;

/**
 * A token request that did not yield tokens. {@link #revoked()}: the provider says the grant is
 * dead (Atlassian's HTTP 403 {@code invalid_grant}, GitHub's HTTP 200 {@code bad_refresh_token},
 * Slack's {@code ok: false, error: invalid_refresh_token}, as configured per provider);
 * {@link #transientFailure()}: 5xx, 429, a timeout or no answer, so the tokens stay and a later
 * attempt may succeed. The message carries the provider's error code only, never a token.
 */
public final class TokenRequestFailed extends RuntimeException {

    private final String error;
    private final boolean revoked;
    private final boolean transientFailure;

    private TokenRequestFailed(String error, boolean revoked, boolean transientFailure) {
        super(error, null, false, false);
        this.error = error;
        this.revoked = revoked;
        this.transientFailure = transientFailure;
    }

    static TokenRequestFailed refused(String error, boolean revoked) {
        return new TokenRequestFailed(error, revoked, false);
    }

    static TokenRequestFailed unavailable(String why) {
        return new TokenRequestFailed(why, false, true);
    }

    /** The provider's error code (or what went wrong on the way, for a transient failure). */
    public String error() {
        return error;
    }

    public boolean revoked() {
        return revoked;
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
