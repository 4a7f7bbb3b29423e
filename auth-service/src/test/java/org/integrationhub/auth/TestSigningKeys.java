package org.integrationhub.auth;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Two RSA key pairs, configured the way an operator would (PEM in the environment): "current"
 * signs, "previous" is kept as a public key only, as after a rotation.
 */
final class TestSigningKeys {

    static final KeyPair CURRENT = generate();
    static final KeyPair PREVIOUS = generate();

    private TestSigningKeys() {
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("hub.auth.tokens.keys[0].id", () -> "current");
        registry.add("hub.auth.tokens.keys[0].private-key", () -> pem("PRIVATE KEY", CURRENT.getPrivate().getEncoded()));
        registry.add("hub.auth.tokens.keys[1].id", () -> "previous");
        registry.add("hub.auth.tokens.keys[1].public-key", () -> pem("PUBLIC KEY", PREVIOUS.getPublic().getEncoded()));
        registry.add("hub.auth.tokens.active-key-id", () -> "current");
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
