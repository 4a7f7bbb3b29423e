package org.integrationhub.events;

import java.util.Objects;

/**
 * A secret that travels sealed: AES-256-GCM under the key {@code keyId}, {@code ciphertext} being
 * base64 of the nonce, ciphertext and tag. Only the services holding that key can open it (see the
 * ADR on webhook secrets); {@link #toString()} never prints the ciphertext.
 */
public record SealedSecret(String keyId, String ciphertext) {

    public SealedSecret {
        Objects.requireNonNull(keyId, "keyId is required");
        Objects.requireNonNull(ciphertext, "ciphertext is required");
    }

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + "]";
    }
}
