package org.integrationhub.support.crypto;

import java.util.Base64;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.SealedSecret;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Seals a connection's webhook secret for its trip on {@code integration.connections}, and opens it
 * again in webhook-ingest. Its key ring ({@code hub.webhooks.sealing.*}) is held by those two
 * services only and is not the credential key: a reader of the topic learns nothing, and
 * webhook-ingest can open webhook secrets but no stored credential. Each sealed secret is bound to
 * its connection, so a ciphertext copied onto another connection's snapshot does not open.
 */
public final class WebhookSecretSeal {

    public static final String PROPERTY_PREFIX = "hub.webhooks.sealing";

    private static final String CONFIG_HINT = "set HUB_WEBHOOKS_SEALING_KEYS_0_ID and HUB_WEBHOOKS_SEALING_KEYS_0_SECRET "
            + "(32 random bytes, base64: openssl rand -base64 32) to the same values in connector-service and webhook-ingest";

    private final SecretBox box;

    public WebhookSecretSeal(KeyRing ring) {
        this.box = new SecretBox(ring, "webhook sealing", CONFIG_HINT);
    }

    /** The key ring bound from {@code hub.webhooks.sealing.*}; fails with a clear message when none is configured. */
    public static WebhookSecretSeal from(Environment environment) {
        return new WebhookSecretSeal(Binder.get(environment).bind(PROPERTY_PREFIX, KeyRing.class).orElse(new KeyRing(null, null)));
    }

    /** The key new seals are made with. */
    public String activeKeyId() {
        return box.activeKeyId();
    }

    public SealedSecret seal(ConnectionId connection, String secret) {
        Sealed sealed = box.seal(context(connection), secret);
        return new SealedSecret(sealed.keyId(), Base64.getEncoder().encodeToString(sealed.nonceAndCiphertext()));
    }

    /** The plaintext secret; {@link SealedValueUnreadable} when the key is unknown or the value belongs elsewhere. */
    public String open(ConnectionId connection, SealedSecret secret) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret.ciphertext());
        } catch (IllegalArgumentException notBase64) {
            throw new SealedValueUnreadable("it is not base64");
        }
        return box.open(context(connection), new Sealed(secret.keyId(), bytes));
    }

    private static String context(ConnectionId connection) {
        return "webhook-secret:" + connection;
    }
}
