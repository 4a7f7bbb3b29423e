package org.integrationhub.connector.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.integrationhub.events.ConnectionId;

/**
 * Encrypts credentials at rest with AES-256-GCM: a random 96-bit nonce per value, a 128-bit tag,
 * and the connection id as associated data, so a ciphertext copied to another connection does not
 * decrypt. Every value records the id of its key; several keys can be configured at once and the
 * active one seals, so keys rotate by adding a key, making it active, resealing, and then
 * removing the old one. Plaintext exists only inside connector-service.
 */
public final class CredentialVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    public CredentialVault(CredentialKeySettings settings) {
        if (settings.keys().isEmpty()) {
            throw new IllegalStateException("No credential encryption key is configured: set HUB_CONNECTOR_CREDENTIALS_KEYS_0_ID "
                    + "and HUB_CONNECTOR_CREDENTIALS_KEYS_0_SECRET (32 random bytes, base64: openssl rand -base64 32)");
        }
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        for (CredentialKeySettings.Key key : settings.keys()) {
            if (key.id() == null || key.id().isBlank() || key.id().contains(":")) {
                throw new IllegalStateException("Every credential key needs an id without ':'");
            }
            if (parsed.put(key.id(), aesKey(key)) != null) {
                throw new IllegalStateException("Credential key " + key.id() + " is configured twice");
            }
        }
        this.keys = Map.copyOf(parsed);
        this.activeKeyId = settings.activeKeyId() == null ? settings.keys().get(0).id() : settings.activeKeyId();
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("The active credential key " + activeKeyId + " is not configured");
        }
    }

    private static SecretKey aesKey(CredentialKeySettings.Key key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.secret() == null ? "" : key.secret().trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("Credential key " + key.id() + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("Credential key " + key.id() + " must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** Encrypts under the active key, bound to the connection. */
    public SealedCredential seal(ConnectionId connection, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, connection);
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = new byte[NONCE_BYTES + ciphertext.length];
            System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
            System.arraycopy(ciphertext, 0, sealed, NONCE_BYTES, ciphertext.length);
            return new SealedCredential(activeKeyId, sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Decrypts a value sealed for this connection, under whichever configured key sealed it. */
    public String open(ConnectionId connection, SealedCredential sealed) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new CredentialUnreadable("key " + sealed.keyId() + " is not configured");
        }
        byte[] bytes = sealed.nonceAndCiphertext();
        if (bytes.length <= NONCE_BYTES) {
            throw new CredentialUnreadable("it is truncated");
        }
        byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, connection);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException wrongConnectionOrAltered) {
            throw new CredentialUnreadable("it belongs to another connection or was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** True when the value was sealed under a key other than the active one. */
    public boolean needsResealing(SealedCredential sealed) {
        return !activeKeyId.equals(sealed.keyId());
    }

    /** The same plaintext sealed again under the active key (for key rotation). */
    public SealedCredential reseal(ConnectionId connection, SealedCredential sealed) {
        return needsResealing(sealed) ? seal(connection, open(connection, sealed)) : sealed;
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, ConnectionId connection) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("connection:" + connection).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
