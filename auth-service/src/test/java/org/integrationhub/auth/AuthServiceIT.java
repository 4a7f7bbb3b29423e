package org.integrationhub.auth;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.integrationhub.testsupport.HubServiceContract;
import org.integrationhub.testsupport.JsonBodies;
import org.integrationhub.testsupport.RoundTrip;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** auth-service boots on real Postgres, owns schema {@code auth}, and uses no Kafka. */
class AuthServiceIT extends HubServiceContract {

    @DynamicPropertySource
    static void signingKeys(DynamicPropertyRegistry registry) {
        TestSigningKeys.register(registry);
    }

    @Override
    protected Optional<String> ownSchema() {
        return Optional.of("auth");
    }

    @Override
    protected Optional<RoundTrip<?, ?>> roundTrip() {
        return Optional.empty();
    }

    /** auth-service verifies its own tokens: sign up and sign in for one. */
    @Override
    protected String userToken() {
        Map<String, String> account = Map.of("email", "contract-" + UUID.randomUUID() + "@example.com",
                "password", "correct horse battery staple", "organisationName", "Contract");
        http().post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON).bodyValue(account).exchange()
                .expectStatus().isCreated();
        return JsonBodies.read(http().post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", account.get("email"), "password", account.get("password"))).exchange()
                .expectStatus().isOk(), "$.data.accessToken");
    }
}
