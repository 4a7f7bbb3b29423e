package org.integrationhub.webhook.verification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and constant-time comparison, the primitives of every provider's webhook signature. */
final class Signatures {

    private Signatures() {
    }

    static byte[] hmacSha256(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Compares a received {@code prefix + hex} header with the expected MAC in constant time; false for anything malformed. */
    static boolean matchesHex(String header, String prefix, byte[] expected) {
        if (header == null || !header.startsWith(prefix)) {
            return false;
        }
        byte[] received;
        try {
            received = HexFormat.of().parseHex(header.substring(prefix.length()).trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(received, expected);
    }
}
