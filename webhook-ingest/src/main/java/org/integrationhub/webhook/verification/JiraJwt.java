package org.integrationhub.webhook.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jira webhooks that an OAuth app registered arrive with {@code Authorization: Bearer <JWT>},
 * HS256-signed with the app's client secret. Valid only with {@code alg} HS256, a matching
 * signature (constant time) and an {@code exp} in the future (with a small skew).
 */
public final class JiraJwt {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long SKEW_SECONDS = 30;

    private JiraJwt() {
    }

    public static boolean verify(String clientSecret, String authorizationHeader, Instant now) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String[] parts = authorizationHeader.substring(7).trim().split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            Map<?, ?> header = JSON.readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
            if (!"HS256".equals(header.get("alg"))) {
                return false;
            }
            byte[] expected = Signatures.hmacSha256(clientSecret, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            Map<?, ?> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            return claims.get("exp") instanceof Number exp && exp.longValue() + SKEW_SECONDS >= now.getEpochSecond();
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
