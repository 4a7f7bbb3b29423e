package org.integrationhub.webhook.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs deliveries the way each provider documents it, independently of the production verifiers. */
final class Signing {

    private Signing() {
    }

    static String github(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    static String jiraAdmin(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    static String slack(String secret, long timestamp, byte[] body) {
        byte[] base = ("v0:" + timestamp + ":" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return "v0=" + HexFormat.of().formatHex(hmac(secret, base));
    }

    /** An Atlassian webhook JWT: HS256 with the OAuth app's client secret, expiring at {@code exp}. */
    static String jiraJwt(String clientSecret, Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"iss\":\"sandbox-atlassian-client\",\"exp\":" + exp.getEpochSecond() + "}")
                        .getBytes(StandardCharsets.UTF_8));
        return input + "." + b64.encodeToString(hmac(clientSecret, input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
