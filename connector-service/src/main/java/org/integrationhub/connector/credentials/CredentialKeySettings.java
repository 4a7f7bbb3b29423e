package org.integrationhub.connector.credentials;

import java.util.List;
import org.integrationhub.support.crypto.KeyRing;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that encrypt stored credentials ({@code hub.connector.credentials.*}): several may be
 * configured (rotation), {@code activeKeyId} encrypts. Each key is 32 random bytes, base64.
 * Example: {@code HUB_CONNECTOR_CREDENTIALS_KEYS_0_ID=2026-11},
 * {@code HUB_CONNECTOR_CREDENTIALS_KEYS_0_SECRET=$(openssl rand -base64 32)}.
 */
@ConfigurationProperties("hub.connector.credentials")
public record CredentialKeySettings(String activeKeyId, List<KeyRing.Key> keys) {

    public CredentialKeySettings {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    KeyRing keyRing() {
        return new KeyRing(activeKeyId, keys);
    }
}
