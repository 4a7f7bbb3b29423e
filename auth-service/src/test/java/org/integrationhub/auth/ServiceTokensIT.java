package org.integrationhub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ServiceTokensIT extends AuthApiTest {

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec request(String id, String secret, Map<String, String> body) {
        return http().post().uri("/api/auth/service-tokens").headers(h -> h.setBasicAuth(id, secret))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void issuesAServiceTokenWithTheGrantedScope() throws Exception {
        String token = read(request("sync-worker", "s3cret-for-sync-worker", Map.of("scope", "credentials:read")).expectStatus().isOk(),
                "$.data.accessToken");
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("service:sync-worker");
        assertThat(claims.getStringClaim("kind")).isEqualTo("service");
        assertThat(claims.getStringClaim("scope")).isEqualTo("credentials:read");
        assertThat(claims.getClaim("org")).isNull();
    }

    @Test
    void refusesAWrongSecretAndAnUnknownClient() {
        request("sync-worker", "wrong", Map.of()).expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("invalid_client");
        request("intruder", "s3cret-for-sync-worker", Map.of()).expectStatus().isUnauthorized();
    }

    @Test
    void refusesAScopeTheClientIsNotGranted() {
        request("sync-worker", "s3cret-for-sync-worker", Map.of("scope", "credentials:read ops"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid_scope");
    }

    @Test
    void aServiceTokenDoesNotOpenUserEndpoints() {
        String token = read(request("sync-worker", "s3cret-for-sync-worker", Map.of()).expectStatus().isOk(), "$.data.accessToken");
        http().get().uri("/api/auth/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isForbidden();
    }
}
