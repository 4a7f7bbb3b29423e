package org.integrationhub.connector.connections;

import java.security.SecureRandom;
import java.util.Base64;

/** Webhook secrets the hub makes up itself: 32 random bytes, base64url without padding (43 characters). */
final class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
