package org.integrationhub.auth;

import java.util.Optional;
import org.integrationhub.testsupport.HubServiceContract;
import org.integrationhub.testsupport.RoundTrip;
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
}
