package org.integrationhub.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.integrationhub.events.OrgId;

/**
 * Mints the hub's JWTs for tests of services other than auth-service, and serves the matching
 * JWKS over real HTTP (one server per test JVM). Also mints the forgeries a verifier must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "urn:integration-hub:auth";
    public static final String AUDIENCE = "integration-hub";

    private static volatile TestTokens shared;

    private final RSAKey signingKey;
    private final RSAKey strangerKey;
    private final HttpServer jwks;
    private final AtomicInteger jwksRequests = new AtomicInteger();

    private TestTokens() {
        signingKey = generate("test-key-1");
        strangerKey = generate("test-key-1"); // same kid, different key: a token "signed by another key"
        try {
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            jwksRequests.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> jwks.stop(0), "test-jwks-stop"));
    }

    /** The one instance of this JVM, with its JWKS server started. */
    public static TestTokens shared() {
        if (shared == null) {
            synchronized (TestTokens.class) {
                if (shared == null) {
                    shared = new TestTokens();
                }
            }
        }
        return shared;
    }

    public URI jwksUri() {
        return URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json");
    }

    /** How often the JWKS was fetched so far. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    /** A valid user token for one organisation, roles as claim values ("admin", "member", "ops"). */
    public String user(UUID userId, OrgId org, String... roles) {
        return sign(userClaims(userId, org, roles).build(), signingKey);
    }

    /** A valid service token. */
    public String service(String name, String... scopes) {
        return sign(baseClaims("service:" + name).claim("kind", "service").claim("scope", String.join(" ", scopes)).build(), signingKey);
    }

    public JWTClaimsSet.Builder userClaims(UUID userId, OrgId org, String... roles) {
        return baseClaims(userId.toString()).claim("kind", "user").claim("org", org.toString()).claim("roles", Arrays.asList(roles));
    }

    /** Signs any claims with the key the JWKS publishes (RS256, its kid). */
    public String signed(JWTClaimsSet claims) {
        return sign(claims, signingKey);
    }

    /** Signs with a key the JWKS does not publish, under the same key id. */
    public String signedByStranger(JWTClaimsSet claims) {
        return sign(claims, strangerKey);
    }

    /** Signs with the published key but names a key id the JWKS does not have. */
    public String signedWithUnknownKid(JWTClaimsSet claims) {
        return sign(claims, new RSAKey.Builder(signingKey).keyID("unknown-" + UUID.randomUUID()).build());
    }

    /** An unsigned token ({"alg":"none"}). */
    public String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** HS256 with the public key's bytes as the HMAC secret: the classic algorithm-confusion forgery. */
    public String hs256WithPublicKey(JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new MACSigner(signingKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Flips one character of the payload of a signed token, leaving header and signature as they were. */
    public static String tamperPayload(String token) {
        String[] parts = token.split("\\.");
        char[] payload = parts[1].toCharArray();
        int middle = payload.length / 2;
        payload[middle] = payload[middle] == 'A' ? 'B' : 'A';
        return parts[0] + "." + new String(payload) + "." + parts[2];
    }

    private static JWTClaimsSet.Builder baseClaims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
