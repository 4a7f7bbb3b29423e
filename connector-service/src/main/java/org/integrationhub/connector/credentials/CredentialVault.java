package org.integrationhub.connector.credentials;

import org.integrationhub.events.ConnectionId;
import org.integrationhub.support.crypto.Sealed;
import org.integrationhub.support.crypto.SealedValueUnreadable;
import org.integrationhub.support.crypto.SecretBox;

/**
 * Encrypts credentials at rest with service-support's {@link SecretBox} (AES-256-GCM, a random
 * 96-bit nonce per value, a 128-bit tag) bound to the connection ({@code "connection:" + id} as
 * associated data), so a ciphertext copied to another connection does not decrypt. Every value
 * records the id of its key ({@code v1:<keyId>:<base64>}, see {@link Sealed#encode()}); several
 * keys can be configured at once and the active one seals, so keys rotate by adding a key, making
 * it active, resealing, and then removing the old one. A value that cannot be opened is
 * {@link SealedValueUnreadable}. Plaintext exists only inside connector-service.
 */
public final class CredentialVault {

    private static final String CONFIG_HINT = "set HUB_CONNECTOR_CREDENTIALS_KEYS_0_ID "
            + "and HUB_CONNECTOR_CREDENTIALS_KEYS_0_SECRET (32 random bytes, base64: openssl rand -base64 32)";

    private final SecretBox box;

    public CredentialVault(CredentialKeySettings settings) {
        this.box = new SecretBox(settings.keyRing(), "credential encryption", CONFIG_HINT);
    }

    public String activeKeyId() {
        return box.activeKeyId();
    }

    /** Encrypts under the active key, bound to the connection. */
    public Sealed seal(ConnectionId connection, String plaintext) {
        return box.seal(context(connection), plaintext);
    }

    /** Decrypts a value sealed for this connection, under whichever configured key sealed it. */
    public String open(ConnectionId connection, Sealed sealed) {
        return box.open(context(connection), sealed);
    }

    /** True when the value was sealed under a key other than the active one. */
    public boolean needsResealing(Sealed sealed) {
        return box.needsResealing(sealed);
    }

    /** The same plaintext sealed again under the active key (for key rotation). */
    public Sealed reseal(ConnectionId connection, Sealed sealed) {
        return box.reseal(context(connection), sealed);
    }

    /** The associated data of every stored credential; unchanged since the first release, so stored values still open. */
    private static String context(ConnectionId connection) {
        return "connection:" + connection;
    }
}
