package org.integrationhub.auth;

import java.util.Map;
import java.util.UUID;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Its own context (and so its own throttle), since it blocks this test's client address on purpose. */
@HubIntegrationTest(properties = {
        "hub.auth.password.bcrypt-cost=4",
        "hub.auth.throttle.max-failures-per-email=3",
        "hub.auth.throttle.max-failures-per-address=6"})
class LoginThrottleIT {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void signingKeys(DynamicPropertyRegistry registry) {
        TestSigningKeys.register(registry);
    }

    private WebTestClient.ResponseSpec post(String path, String email, String password) {
        return WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build().post().uri(path)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    @Test
    void throttlesAnEmailAfterRepeatedFailuresEvenForTheRightPassword() {
        String email = "throttled-" + UUID.randomUUID() + "@example.com";
        post("/api/auth/register", email, PASSWORD).expectStatus().isCreated();
        for (int i = 0; i < 3; i++) {
            post("/api/auth/login", email, "wrong password " + i).expectStatus().isUnauthorized();
        }
        post("/api/auth/login", email, PASSWORD).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.code").isEqualTo("too_many_attempts");

        // and then the address: three more failures on other emails reach its limit of six
        for (int i = 0; i < 3; i++) {
            post("/api/auth/login", "other-" + UUID.randomUUID() + "@example.com", "wrong").expectStatus().isUnauthorized();
        }
        String fresh = "fresh-" + UUID.randomUUID() + "@example.com";
        post("/api/auth/register", fresh, PASSWORD).expectStatus().isCreated();
        post("/api/auth/login", fresh, PASSWORD).expectStatus().isEqualTo(429);
    }
}
