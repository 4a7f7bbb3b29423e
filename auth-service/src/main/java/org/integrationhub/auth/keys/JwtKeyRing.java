package org.integrationhub.auth.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.integrationhub.auth.AuthSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA keys behind the hub's JWTs: one active key signs; every configured key (the active one
 * and those kept for tokens it signed before a rotation) is published in the JWKS.
 */
public final class JwtKeyRing {

    private static final Logger log = LoggerFactory.getLogger(JwtKeyRing.class);

    private final SigningKey active;
    private final JWKSet publicKeys;

    private JwtKeyRing(SigningKey active, List<RSAPublicKey> publicKeys, List<String> ids) {
        this.active = active;
        List<JWK> jwks = new ArrayList<>();
        for (int i = 0; i < publicKeys.size(); i++) {
            jwks.add(new RSAKey.Builder(publicKeys.get(i)).keyID(ids.get(i)).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).build());
        }
        this.publicKeys = new JWKSet(jwks);
    }

    /** The key that signs new tokens. */
    public record SigningKey(String id, RSAPrivateCrtKey privateKey) {

        @Override
        public String toString() {
            return "SigningKey[id=" + id + "]";
        }
    }

    public static JwtKeyRing from(AuthSettings.Tokens settings) {
        if (settings.keys().isEmpty()) {
            if (!settings.generateDevKey()) {
                throw new IllegalStateException("No JWT signing key is configured. Set HUB_AUTH_TOKENS_KEYS_0_ID and "
                        + "HUB_AUTH_TOKENS_KEYS_0_PRIVATE_KEY (an RSA key as PKCS#8 PEM, e.g. from "
                        + "'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048').");
            }
            return generated();
        }
        List<RSAPublicKey> publics = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        SigningKey active = null;
        for (AuthSettings.Key key : settings.keys()) {
            requireText(key.id(), "every key needs an id");
            if (ids.contains(key.id())) {
                throw new IllegalStateException("Key id " + key.id() + " is configured twice");
            }
            ids.add(key.id());
            if (key.privateKey() != null && !key.privateKey().isBlank()) {
                RSAPrivateCrtKey privateKey = PemKeys.privateKey(key.privateKey(), key.id());
                publics.add(PemKeys.publicKeyOf(privateKey));
                boolean chosen = settings.activeKeyId() == null ? active == null : settings.activeKeyId().equals(key.id());
                if (chosen) {
                    active = new SigningKey(key.id(), privateKey);
                }
            } else {
                requireText(key.publicKey(), "key " + key.id() + " needs a private-key or a public-key");
                publics.add(PemKeys.publicKey(key.publicKey(), key.id()));
            }
        }
        if (active == null) {
            throw new IllegalStateException("No configured key can sign: active-key-id " + settings.activeKeyId()
                    + " is missing or has no private key");
        }
        return new JwtKeyRing(active, publics, ids);
    }

    private static JwtKeyRing generated() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            String id = "devstack-" + LocalDate.now();
            log.warn("Signing JWTs with a key generated at start-up ({}): tokens die with this process. "
                    + "Never run like this outside the devstack; configure HUB_AUTH_TOKENS_KEYS_0_PRIVATE_KEY.", id);
            return new JwtKeyRing(new SigningKey(id, (RSAPrivateCrtKey) pair.getPrivate()),
                    List.of((RSAPublicKey) pair.getPublic()), List.of(id));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Invalid JWT key configuration: " + message);
        }
    }

    public SigningKey activeKey() {
        return active;
    }

    /** The public keys, for the JWKS endpoint and for auth-service's own verification. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    /** The JWKS document as JSON-ready map (public parts only). */
    public Map<String, Object> jwksDocument() {
        return publicKeys.toJSONObject(true);
    }
}
