package org.integrationhub.auth;

import java.util.Map;
import java.util.UUID;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.JsonBodies;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of auth-service's API tests: the real service on real Postgres, keys from PEM, bcrypt cost
 * 6 (set the way an operator sets it), one service client. Subclasses share one application context.
 */
@HubIntegrationTest(properties = {
        "hub.auth.password.bcrypt-cost=6",
        "hub.auth.service-clients[0].id=sync-worker",
        "hub.auth.service-clients[0].secret=s3cret-for-sync-worker",
        "hub.auth.service-clients[0].scopes=credentials:read",
        "hub.auth.operators=" + AuthApiTest.OPERATOR})
abstract class AuthApiTest {

    static final String PASSWORD = "correct horse battery staple";
    /** The one configured hub operator (any letter case). */
    static final String OPERATOR = "Operator@Ops.Example.com";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void signingKeys(DynamicPropertyRegistry registry) {
        TestSigningKeys.register(registry);
    }

    WebTestClient http() {
        return WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
    }

    static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    WebTestClient.ResponseSpec post(String path, Object body) {
        return http().post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec register(String email, String password) {
        return post("/api/auth/register", Map.of("email", email, "password", password));
    }

    WebTestClient.ResponseSpec login(String email, String password) {
        return post("/api/auth/login", Map.of("email", email, "password", password));
    }

    /** Registers a new admin of a new organisation and returns their access token. */
    String newAdminToken() {
        String email = uniqueEmail();
        register(email, PASSWORD).expectStatus().isCreated();
        return accessToken(email, PASSWORD);
    }

    String accessToken(String email, String password) {
        return read(login(email, password).expectStatus().isOk(), "$.data.accessToken");
    }

    /** One value of a JSON response body. */
    static String read(WebTestClient.ResponseSpec response, String jsonPath) {
        return JsonBodies.read(response, jsonPath);
    }
}
