package org.integrationhub.support.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals values with AES-256-GCM under a {@link KeyRing}: a random 96-bit nonce per value, a 128-bit
 * tag, and a caller-given context as associated data, so a value sealed for one context (say one
 * connection) does not open in another. Every sealed value records its key id, so values sealed
 * under an older key still open while the ring rotates.
 */
public final class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    /**
     * @param ring the keys; {@code purpose} names them in error messages, {@code configHint} tells an
     *             operator how to configure them when none are
     */
    public SecretBox(KeyRing ring, String purpose, String configHint) {
        if (ring.keys().isEmpty()) {
            throw new IllegalStateException("No " + purpose + " key is configured: " + configHint);
        }
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        for (KeyRing.Key key : ring.keys()) {
            if (key.id() == null || key.id().isBlank() || key.id().contains(":")) {
                throw new IllegalStateException("Every " + purpose + " key needs an id without ':'");
            }
            if (parsed.put(key.id(), aesKey(purpose, key)) != null) {
                throw new IllegalStateException(purpose + " key " + key.id() + " is configured twice");
            }
        }
        this.keys = Map.copyOf(parsed);
        this.activeKeyId = ring.activeKeyId() == null ? ring.keys().get(0).id() : ring.activeKeyId();
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("The active " + purpose + " key " + activeKeyId + " is not configured");
        }
    }

    private static SecretKey aesKey(String purpose, KeyRing.Key key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.secret() == null ? "" : key.secret().trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(purpose + " key " + key.id() + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(purpose + " key " + key.id() + " must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** Encrypts under the active key, bound to {@code context}. */
    public Sealed seal(String context, String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext is required");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, context)
                    .doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = new byte[NONCE_BYTES + ciphertext.length];
            System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
            System.arraycopy(ciphertext, 0, sealed, NONCE_BYTES, ciphertext.length);
            return new Sealed(activeKeyId, sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Decrypts a value sealed for {@code context}, under whichever configured key sealed it. */
    public String open(String context, Sealed sealed) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new SealedValueUnreadable("key " + sealed.keyId() + " is not configured");
        }
        byte[] bytes = sealed.nonceAndCiphertext();
        if (bytes.length <= NONCE_BYTES) {
            throw new SealedValueUnreadable("it is truncated");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, NONCE_BYTES), context);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException otherContextOrAltered) {
            throw new SealedValueUnreadable("it was sealed for another context or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** True when the value was sealed under a key other than the active one. */
    public boolean needsResealing(Sealed sealed) {
        return !activeKeyId.equals(sealed.keyId());
    }

    /** The same plaintext sealed again under the active key (for key rotation). */
    public Sealed reseal(String context, Sealed sealed) {
        return needsResealing(sealed) ? seal(context, open(context, sealed)) : sealed;
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
