package org.integrationhub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One address gets a limited number of sign-in attempts per window, through the API and the UI alike. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInLimitIT {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        Stubs.register(registry);
        registry.add("hub.gateway.sign-in-limit.attempts", () -> "3");
        registry.add("hub.gateway.sign-in-limit.window", () -> "10m");
    }

    @Test
    void refusesSignInAttemptsOverTheLimitWithRetryAfterAndPassesOtherRequests() {
        Stubs.resetAll();
        WebTestClient http = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
        for (int attempt = 1; attempt <= 3; attempt++) {
            http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\":\"a@b.c\",\"password\":\"x\"}")
                    .exchange().expectStatus().isOk();
        }

        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\":\"a@b.c\",\"password\":\"x\"}")
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L))
                .expectBody().jsonPath("$.code").isEqualTo("too_many_sign_in_attempts");
        http.post().uri("/ui/login").contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("email=a%40b.c&password=x")
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html).contains("Too many sign-in attempts", "Wait "));

        assertThat(Stubs.AUTH.receivedOn("/api/auth/login")).as("only the allowed attempts reached auth-service").hasSize(3);
        http.get().uri("/api/auth/me").exchange().expectStatus().isOk();
    }
}
