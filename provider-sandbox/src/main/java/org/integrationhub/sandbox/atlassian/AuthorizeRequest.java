package org.integrationhub.sandbox.atlassian;

import java.util.Map;

/** The parameters of {@code GET /authorize}, or of the consent form that carries them on. */
record AuthorizeRequest(String clientId, String redirectUri, String scope, String state, String responseType, String audience,
        String codeChallenge, String codeChallengeMethod) {

    static AuthorizeRequest of(Map<String, String> params) {
        return new AuthorizeRequest(blankToNull(params.get("client_id")), blankToNull(params.get("redirect_uri")),
                blankToNull(params.get("scope")), blankToNull(params.get("state")), blankToNull(params.get("response_type")),
                blankToNull(params.get("audience")), blankToNull(params.get("code_challenge")),
                blankToNull(params.get("code_challenge_method")));
    }

    /** RFC 7636: without a method, the challenge is {@code plain}. */
    String effectiveChallengeMethod() {
        return codeChallenge == null ? null : codeChallengeMethod == null ? "plain" : codeChallengeMethod;
    }

    boolean challengeMethodAcceptable() {
        if (codeChallenge == null) {
            return codeChallengeMethod == null;
        }
        return "S256".equals(effectiveChallengeMethod()) || "plain".equals(effectiveChallengeMethod());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
