package org.integrationhub.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a Spring application context at the shared Kafka broker and Postgres server of this JVM. */
public final class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure infrastructure = SharedInfrastructure.get();
        PostgresEndpoint postgres = infrastructure.postgres();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sharedTestInfrastructure", Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "hub.postgres.host", postgres.host(),
                "hub.postgres.port", String.valueOf(postgres.port()),
                "hub.postgres.database", postgres.database(),
                "hub.postgres.username", postgres.username(),
                "hub.postgres.password", postgres.password(),
                "hub.security.jwt.jwks-uri", TestTokens.shared().jwksUri().toString())));
    }
}
