package org.integrationhub.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.integrationhub.events.OrgId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * How every hub service must treat bearer tokens on its {@code /api/**}: a valid token passes and
 * names the caller's organisation; each forgery or misfit is refused with 401 and a problem body.
 * A service's {@code *JwtVerificationIT} extends this; the probe endpoint is {@link CallerEcho}.
 */
@HubIntegrationTest
@Import(CallerEcho.class)
public abstract class JwtVerificationContract {

    private static final TestTokens TOKENS = TestTokens.shared();

    @LocalServerPort
    private int port;

    private final UUID userId = UUID.randomUUID();
    private final OrgId org = OrgId.random();

    private WebTestClient http() {
        return WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
    }

    private WebTestClient.ResponseSpec callWith(String token) {
        return http().get().uri("/api/_caller").headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange();
    }

    private void assertRejected(String token) {
        callWith(token).expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized").jsonPath("$.status").isEqualTo(401);
    }

    private JWTClaimsSet.Builder claims() {
        return TOKENS.userClaims(userId, org, "admin");
    }

    /** Claims of a token issued (and valid from) some time ago, so that an expiry in the past is consistent. */
    private JWTClaimsSet.Builder issuedAgo(Duration age) {
        Date then = Date.from(Instant.now().minus(age));
        return claims().issueTime(then).notBeforeTime(then);
    }

    @Test
    void acceptsValidTokenAndNamesTheCallersOrganisation() {
        callWith(TOKENS.user(userId, org, "admin")).expectStatus().isOk().expectBody()
                .jsonPath("$.data.userId").isEqualTo(userId.toString())
                .jsonPath("$.data.orgId").isEqualTo(org.toString())
                .jsonPath("$.data.roles[0]").isEqualTo("ADMIN");
    }

    @Test
    void acceptsTokenExpiredWithinTheClockSkew() {
        callWith(TOKENS.signed(issuedAgo(Duration.ofMinutes(2)).expirationTime(Date.from(Instant.now().minusSeconds(5))).build()))
                .expectStatus().isOk();
    }

    @Test
    void rejectsRequestWithoutToken() {
        assertRejected(null);
    }

    @Test
    void rejectsUnsignedAlgNoneToken() {
        assertRejected(TOKENS.unsigned(claims().build()));
    }

    @Test
    void rejectsTokenSignedByAnotherKey() {
        assertRejected(TOKENS.signedByStranger(claims().build()));
    }

    @Test
    void rejectsHs256TokenSignedWithThePublicKey() {
        assertRejected(TOKENS.hs256WithPublicKey(claims().build()));
    }

    @Test
    void rejectsExpiredToken() {
        assertRejected(TOKENS.signed(issuedAgo(Duration.ofMinutes(20)).expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))).build()));
    }

    @Test
    void rejectsTokenNotYetValid() {
        assertRejected(TOKENS.signed(claims().notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(5)))).build()));
    }

    @Test
    void rejectsTokenWithoutExpiry() {
        assertRejected(TOKENS.signed(claims().expirationTime(null).build()));
    }

    @Test
    void rejectsTokenForAnotherAudience() {
        assertRejected(TOKENS.signed(claims().audience(List.of("another-product")).build()));
    }

    @Test
    void rejectsTokenFromAnotherIssuer() {
        assertRejected(TOKENS.signed(claims().issuer("https://evil.example").build()));
    }

    @Test
    void rejectsTokenWithUnknownKeyId() {
        assertRejected(TOKENS.signedWithUnknownKid(claims().build()));
    }

    @Test
    void rejectsTokenWithTamperedPayload() {
        assertRejected(TestTokens.tamperPayload(TOKENS.user(userId, org, "admin")));
    }

    @Test
    void rejectsUserTokenWithoutOrganisation() {
        assertRejected(TOKENS.signed(claims().claim("org", null).build()));
    }

    @Test
    void unknownKeyIdsCauseAtMostOneJwksRefresh() {
        int before = TOKENS.jwksRequests();
        for (int i = 0; i < 10; i++) {
            assertRejected(TOKENS.signedWithUnknownKid(claims().build()));
        }
        assertThat(TOKENS.jwksRequests() - before).as("JWKS fetches caused by 10 unknown key ids").isLessThanOrEqualTo(1);
    }

    @Test
    void refusesServiceTokenOnUserApiAndUserTokenOnInternalApi() {
        callWith(TOKENS.service("sync-worker", "credentials:read")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("forbidden");
        http().get().uri("/internal/_caller").headers(h -> h.setBearerAuth(TOKENS.user(userId, org, "admin"))).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void acceptsServiceTokenOnInternalApi() {
        http().get().uri("/internal/_caller").headers(h -> h.setBearerAuth(TOKENS.service("sync-worker", "credentials:read")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.name").isEqualTo("sync-worker")
                .jsonPath("$.data.scopes[0]").isEqualTo("credentials:read");
    }

    @Test
    void keepsHealthOpen() {
        http().get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
