package org.integrationhub.sandbox.oauth;

/** A token pair, or why there is none. */
public record OAuthResult(TokenPair tokens, OAuthError error) {

    static OAuthResult ok(TokenPair tokens) {
        return new OAuthResult(tokens, null);
    }

    static OAuthResult failed(OAuthError error) {
        return new OAuthResult(null, error);
    }

    public boolean isOk() {
        return tokens != null;
    }
}
