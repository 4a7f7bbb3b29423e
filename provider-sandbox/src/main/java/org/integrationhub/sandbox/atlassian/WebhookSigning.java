package org.integrationhub.sandbox.atlassian;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How Jira proves a webhook is its own: admin webhooks carry {@code X-Hub-Signature:
 * sha256=<hex HMAC-SHA256(secret, raw body)>}; webhooks an OAuth app registered carry
 * {@code Authorization: Bearer <JWT>}, HS256 with the app's client secret, claims
 * {@code iss} (the client id), {@code qsh: "context-qsh"}, {@code iat}, {@code exp} (five minutes on).
 */
final class WebhookSigning {

    static final Duration JWT_LIFETIME = Duration.ofMinutes(5);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private WebhookSigning() {
    }

    static String hubSignature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmacSha256(secret, body));
    }

    static String jwt(String clientId, String clientSecret, Instant now) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + jsonEscape(clientId) + "\",\"qsh\":\"context-qsh\",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(JWT_LIFETIME).getEpochSecond() + "}";
        String signingInput = BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + BASE64URL.encodeToString(hmacSha256(clientSecret, signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    static byte[] hmacSha256(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
