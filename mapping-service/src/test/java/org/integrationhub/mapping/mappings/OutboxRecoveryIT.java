package org.integrationhub.mapping.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;
import org.integrationhub.events.Topics;
import org.integrationhub.mapping.MappingServiceApplication;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.KafkaProbe;
import org.integrationhub.testsupport.PostgresEndpoint;
import org.integrationhub.testsupport.RealInfrastructureInitializer;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.http.MediaType;

/**
 * A service that stops after committing changes but before publishing them: this context runs
 * with the relay off, so its changes stay in the outbox; a second instance started afterwards
 * publishes each of them exactly once. (Other cached contexts of this JVM do not interfere:
 * Spring Framework 7 pauses the lifecycle of cached contexts that are not in use, relay included.)
 */
@HubIntegrationTest(properties = "hub.outbox.relay-enabled=false")
class OutboxRecoveryIT extends MappingApiTest {

    @Test
    void publishesEveryCommittedChangeExactlyOnceAfterARestart() throws Exception {
        try (var probe = KafkaProbe.on(Topics.USER_MAPPINGS)) {
            String first = read(create(mapping("jira", "a@example.com", null, UUID.randomUUID())).expectStatus().isCreated(), "$.data.id");
            create(mapping("jira", "b@example.com", null, UUID.randomUUID())).expectStatus().isCreated();
            http().put().uri(PATH + "/" + first).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(mapping("jira", "a@example.com", null, UUID.randomUUID())).exchange().expectStatus().isOk();

            assertThat(probe.drain(Duration.ofSeconds(2))).as("nothing leaves while the relay is down")
                    .noneMatch(r -> r.key().orgId().equals(org));
            assertThat(unpublishedRowsOf(org.toString())).isEqualTo(3);

            try (var restarted = new SpringApplicationBuilder(MappingServiceApplication.class)
                    .initializers(new RealInfrastructureInitializer())
                    // command-line arguments: builder properties are only defaults, and application.yml's 8085 beat them
                    .run("--server.port=0", "--hub.outbox.relay-enabled=true")) {
                probe.awaitMatching(r -> r.key().orgId().equals(org), 3, Duration.ofSeconds(30));
                assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> r.key().orgId().equals(org))
                        .as("exactly one record per committed change").hasSize(3);
                assertThat(unpublishedRowsOf(org.toString())).isZero();
            }
        }
    }

    private static int unpublishedRowsOf(String orgId) throws Exception {
        PostgresEndpoint postgres = SharedInfrastructure.get().postgres();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var statement = connection.prepareStatement(
                        "select count(*) from mapping.outbox where published_at is null and message_key like ?")) {
            statement.setString(1, orgId + ":%");
            var result = statement.executeQuery();
            result.next();
            return result.getInt(1);
        }
    }
}
