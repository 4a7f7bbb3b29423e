package org.integrationhub.support.crypto;

import java.util.List;

/**
 * A set of AES-256 keys under ids, one of them active: the active key seals, every configured key
 * opens, so keys rotate by adding a key, making it active, resealing, then removing the old one.
 * Each secret is 32 random bytes, base64 ({@code openssl rand -base64 32}). A null
 * {@code activeKeyId} means the first key.
 */
public record KeyRing(String activeKeyId, List<Key> keys) {

    public KeyRing {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** One key; {@link #toString()} never shows the secret. */
    public record Key(String id, String secret) {

        @Override
        public String toString() {
            return "Key[id=" + id + "]";
        }
    }
}
