package org.integrationhub.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class HubJwtDecoderTest {

    private static final JwtSettings SETTINGS = new JwtSettings(URI.create("http://unused"), "urn:test:issuer", "test-audience",
            Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(10));

    private static RSAKey key;
    private static ReactiveJwtDecoder decoder;

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        JwksCache cache = new JwksCache(() -> Mono.just(new JWKSet(key.toPublicJWK())), Duration.ofSeconds(30),
                Duration.ofMinutes(10), Clock.systemUTC());
        decoder = new HubSecurityAutoConfiguration().hubJwtDecoder(cache, SETTINGS);
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(SETTINGS.issuer()).audience(List.of(SETTINGS.audience()))
                .subject(UUID.randomUUID().toString()).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    private static JWTClaimsSet.Builder issuedAgo(long seconds) {
        Date then = Date.from(Instant.now().minusSeconds(seconds));
        return claims().issueTime(then).notBeforeTime(then);
    }

    private static String sign(JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void acceptsValidToken() throws Exception {
        assertThat(decoder.decode(sign(claims().build())).block().getAudience()).containsExactly("test-audience");
    }

    @Test
    void acceptsTokenExpiredWithinClockSkew() throws Exception {
        String token = sign(issuedAgo(120).expirationTime(Date.from(Instant.now().minusSeconds(5))).build());
        assertThat(decoder.decode(token).block()).isNotNull();
    }

    @Test
    void rejectsTokenExpiredBeyondClockSkew() throws Exception {
        String token = sign(issuedAgo(300).expirationTime(Date.from(Instant.now().minusSeconds(90))).build());
        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class);
    }
}
