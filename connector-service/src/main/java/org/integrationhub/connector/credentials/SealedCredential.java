package org.integrationhub.connector.credentials;

import java.util.Arrays;
import java.util.Base64;

/**
 * A credential encrypted at rest: the id of the key that sealed it and the 96-bit nonce followed
 * by the AES-256-GCM ciphertext and tag. {@link #toString()} shows neither.
 */
public record SealedCredential(String keyId, byte[] nonceAndCiphertext) {

    private static final String PREFIX = "v1:";

    public SealedCredential {
        nonceAndCiphertext = nonceAndCiphertext.clone();
    }

    @Override
    public byte[] nonceAndCiphertext() {
        return nonceAndCiphertext.clone();
    }

    /** The stored form: {@code v1:<keyId>:<base64>}. */
    public String encode() {
        return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(nonceAndCiphertext);
    }

    public static SealedCredential decode(String stored) {
        if (stored == null || !stored.startsWith(PREFIX) || stored.indexOf(':', PREFIX.length()) < 0) {
            throw new CredentialUnreadable("not a sealed credential");
        }
        int colon = stored.indexOf(':', PREFIX.length());
        try {
            return new SealedCredential(stored.substring(PREFIX.length(), colon), Base64.getDecoder().decode(stored.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            throw new CredentialUnreadable("not a sealed credential");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedCredential that && keyId.equals(that.keyId)
                && Arrays.equals(nonceAndCiphertext, that.nonceAndCiphertext);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(nonceAndCiphertext);
    }

    @Override
    public String toString() {
        return "SealedCredential[keyId=" + keyId + ", " + nonceAndCiphertext.length + " bytes]";
    }
}
