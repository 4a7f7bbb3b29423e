package org.integrationhub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tokens auth-service issues, checked with an independent JOSE library against its published JWKS. */
class TokensIT extends AuthApiTest {

    private JWKSet jwks() throws Exception {
        String json = new String(http().get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
        return JWKSet.parse(json);
    }

    @Test
    void publishesEveryConfiguredKeyAndNoPrivatePart() throws Exception {
        JWKSet keys = jwks();
        assertThat(keys.getKeys()).extracting(k -> k.getKeyID()).containsExactlyInAnyOrder("current", "previous");
        assertThat(keys.getKeys()).allSatisfy(k -> {
            assertThat(k.isPrivate()).isFalse();
            assertThat(k.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        });
    }

    @Test
    void issuesRs256TokensWithKidIssuerAudienceSubjectOrganisationAndRoles() throws Exception {
        String email = uniqueEmail();
        String userId = read(register(email, PASSWORD).expectStatus().isCreated(), "$.data.user.id");
        String token = accessToken(email, PASSWORD);

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("current");
        RSAKey key = (RSAKey) jwks().getKeyByKeyId("current");
        assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature verifies against the JWKS").isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("urn:integration-hub:auth");
        assertThat(claims.getAudience()).containsExactly("integration-hub");
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getStringClaim("org")).isNotBlank();
        assertThat(claims.getStringListClaim("roles")).containsExactly("admin");
        assertThat(claims.getStringClaim("kind")).isEqualTo("user");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().toInstant()).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        assertThat(claims.getNotBeforeTime()).isNotNull();
    }

    @Test
    void stillAcceptsTokensSignedWithThePreviousKeyAfterARotation() throws Exception {
        String email = uniqueEmail();
        register(email, PASSWORD).expectStatus().isCreated();
        JWTClaimsSet claims = SignedJWT.parse(accessToken(email, PASSWORD)).getJWTClaimsSet();

        var previous = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("previous").build(), claims);
        previous.sign(new RSASSASigner(TestSigningKeys.PREVIOUS.getPrivate()));

        http().get().uri("/api/auth/me").headers(h -> h.setBearerAuth(previous.serialize())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.email").isEqualTo(email);
    }

    @Test
    void refusesATokenSignedWithAKeyItDoesNotPublish() throws Exception {
        var stranger = java.security.KeyPairGenerator.getInstance("RSA");
        stranger.initialize(2048);
        var claims = new JWTClaimsSet.Builder().issuer("urn:integration-hub:auth").audience(List.of("integration-hub"))
                .subject(UUID.randomUUID().toString()).claim("kind", "user").claim("org", UUID.randomUUID().toString())
                .claim("roles", List.of("admin")).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        var forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("current").build(), claims);
        forged.sign(new RSASSASigner(stranger.generateKeyPair().getPrivate()));

        http().get().uri("/api/auth/me").headers(h -> h.setBearerAuth(forged.serialize())).exchange().expectStatus().isUnauthorized();
    }
}
