package org.integrationhub.sandbox.github;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's webhook signatures over the raw body: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256>}
 * and the legacy {@code X-Hub-Signature: sha1=<hex HMAC-SHA1>}, both keyed with the hook's secret.
 */
final class GitHubSignature {

    private GitHubSignature() {
    }

    static String sha256(String secret, byte[] body) {
        return "sha256=" + hmac("HmacSHA256", secret, body);
    }

    static String sha1(String secret, byte[] body) {
        return "sha1=" + hmac("HmacSHA1", secret, body);
    }

    private static String hmac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(algorithm + " is unavailable", e);
        }
    }
}
