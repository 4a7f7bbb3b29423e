package org.integrationhub.connector.oauth;

import java.time.Instant;
import java.util.Map;

/**
 * What a provider's token endpoint granted: the tokens (plaintext, only to be sealed or used at
 * once), when the access token expires ({@code null}: it does not), the granted scope, and the
 * answer's other fields without any token (Slack's {@code team} and {@code authed_user.id}, …).
 */
public record TokenGrant(String accessToken, String refreshToken, Instant expiresAt, String scope, Map<String, Object> details) {

    public TokenGrant {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String toString() {
        return "TokenGrant[expiresAt=" + expiresAt + ", scope=" + scope + ", refreshable=" + (refreshToken != null) + "]";
    }
}
