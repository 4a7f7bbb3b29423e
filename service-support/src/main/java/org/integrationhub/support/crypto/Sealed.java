package org.integrationhub.support.crypto;

import java.util.Arrays;
import java.util.Base64;

/**
 * A value sealed by a {@link SecretBox}: the id of the key that sealed it, and the 96-bit nonce
 * followed by the AES-256-GCM ciphertext and tag. {@link #toString()} shows neither.
 */
public record Sealed(String keyId, byte[] nonceAndCiphertext) {

    private static final String PREFIX = "v1:";

    public Sealed {
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

    /** Parses {@link #encode()}'s form; {@link SealedValueUnreadable} when it is not one. */
    public static Sealed decode(String encoded) {
        int colon = encoded == null || !encoded.startsWith(PREFIX) ? -1 : encoded.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new SealedValueUnreadable("it is not a sealed value");
        }
        try {
            return new Sealed(encoded.substring(PREFIX.length(), colon), Base64.getDecoder().decode(encoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            throw new SealedValueUnreadable("it is not a sealed value");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sealed that && keyId.equals(that.keyId) && Arrays.equals(nonceAndCiphertext, that.nonceAndCiphertext);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(nonceAndCiphertext);
    }

    @Override
    public String toString() {
        return "Sealed[keyId=" + keyId + ", " + nonceAndCiphertext.length + " bytes]";
    }
}
