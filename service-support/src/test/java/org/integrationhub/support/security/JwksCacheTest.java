package org.integrationhub.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class JwksCacheTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final JwksCache cache = new JwksCache(() -> Mono.fromSupplier(() -> {
        fetches.incrementAndGet();
        if (published.get() == null) {
            throw new IllegalStateException("JWKS endpoint unavailable");
        }
        return published.get();
    }), Duration.ofSeconds(30), Duration.ofMinutes(10), clock);

    private static RSAKey key(String kid) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }

    private static SignedJWT tokenWithKid(String kid) {
        return new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), new JWTClaimsSet.Builder().build());
    }

    @Test
    void fetchesOnFirstUseAndServesKnownKeysFromCache() throws Exception {
        published.set(new JWKSet(key("k1").toPublicJWK()));
        assertThat(cache.apply(tokenWithKid("k1")).collectList().block()).hasSize(1);
        assertThat(cache.apply(tokenWithKid("k1")).collectList().block()).hasSize(1);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void unknownKeyIdsRefreshAtMostOncePerInterval() throws Exception {
        published.set(new JWKSet(key("k1").toPublicJWK()));
        cache.apply(tokenWithKid("k1")).blockLast();
        now.set(now.get().plusSeconds(31));
        for (int i = 0; i < 20; i++) {
            assertThat(cache.apply(tokenWithKid("forged-" + i)).collectList().block()).isEmpty();
        }
        assertThat(fetches).as("fetches after 20 unknown key ids").hasValue(2);
    }

    @Test
    void findsARotatedKeyOnceTheIntervalHasPassed() throws Exception {
        RSAKey k1 = key("k1");
        published.set(new JWKSet(k1.toPublicJWK()));
        cache.apply(tokenWithKid("k1")).blockLast();
        published.set(new JWKSet(java.util.List.of(k1.toPublicJWK(), key("k2").toPublicJWK())));
        now.set(now.get().plusSeconds(31));
        assertThat(cache.apply(tokenWithKid("k2")).collectList().block()).hasSize(1);
    }

    @Test
    void keepsKnownKeysWhenARefreshFails() throws Exception {
        published.set(new JWKSet(key("k1").toPublicJWK()));
        cache.apply(tokenWithKid("k1")).blockLast();
        published.set(null); // the next fetch fails
        now.set(now.get().plus(Duration.ofMinutes(11)));
        assertThat(cache.apply(tokenWithKid("k1")).collectList().block()).hasSize(1);
    }
}
