package org.integrationhub.mapping.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.Topics;
import org.integrationhub.events.UserMappingChanged;
import org.integrationhub.events.UserMappingKey;
import org.integrationhub.testsupport.KafkaProbe;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Every committed change reaches the compacted mapping.user-mappings topic exactly once, through the outbox. */
class MappingEventsIT extends MappingApiTest {

    private List<KafkaProbe.Received<UserMappingKey, UserMappingChanged>> ofThisOrganisation(
            List<KafkaProbe.Received<UserMappingKey, UserMappingChanged>> all) {
        return all.stream().filter(r -> r.key().orgId().equals(org)).toList();
    }

    @Test
    void publishesTheMappingOnCreateAndUpdateAndATombstoneOnDelete() {
        try (var probe = KafkaProbe.on(Topics.USER_MAPPINGS)) {
            UUID resource = UUID.randomUUID();
            String id = read(create(mapping("github", "octocat@github.com", "octocat", resource)).expectStatus().isCreated(), "$.data.id");
            UUID newResource = UUID.randomUUID();
            http().put().uri(PATH + "/" + id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(mapping("github", "octocat@github.com", "octocat", newResource)).exchange().expectStatus().isOk();
            http().delete().uri(PATH + "/" + id).exchange().expectStatus().isNoContent();

            probe.awaitMatching(r -> r.key().orgId().equals(org), 3, Duration.ofSeconds(20));
            var records = ofThisOrganisation(probe.drain(Duration.ofSeconds(1)));
            assertThat(records).hasSize(3);
            assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(new UserMappingKey(org, ExternalSystem.GITHUB, "octocat")));

            var created = records.get(0).envelope();
            assertThat(created.orgId()).isEqualTo(org);
            assertThat(created.idempotencyKey()).isEqualTo("user-mapping:" + id + ":1");
            assertThat(created.payload().mappingId().value().toString()).isEqualTo(id);
            assertThat(created.payload().resourceId().value()).isEqualTo(resource);
            assertThat(records.get(1).envelope().payload().resourceId().value()).isEqualTo(newResource);
            assertThat(records.get(1).envelope().idempotencyKey()).isEqualTo("user-mapping:" + id + ":2");
            assertThat(records.get(2).envelope()).as("a delete is a tombstone").isNull();
        }
    }

    @Test
    void anUpdateThatChangesTheKeyRetiresTheOldKey() {
        try (var probe = KafkaProbe.on(Topics.USER_MAPPINGS)) {
            String id = read(create(mapping("jira", "old@example.com", null, UUID.randomUUID())).expectStatus().isCreated(), "$.data.id");
            http().put().uri(PATH + "/" + id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(mapping("jira", "old@example.com", "acc-42", UUID.randomUUID())).exchange().expectStatus().isOk();

            probe.awaitMatching(r -> r.key().orgId().equals(org), 3, Duration.ofSeconds(20));
            var records = ofThisOrganisation(probe.drain(Duration.ofSeconds(1)));
            // order holds per key (one partition each), not across keys
            var oldKey = records.stream().filter(r -> r.key().externalKey().equals("email:old@example.com")).toList();
            var newKey = records.stream().filter(r -> r.key().externalKey().equals("acc-42")).toList();
            assertThat(oldKey).hasSize(2);
            assertThat(oldKey.get(0).envelope().payload().externalEmail()).isEqualTo("old@example.com");
            assertThat(oldKey.get(1).envelope()).as("tombstone for the old key").isNull();
            assertThat(newKey).singleElement().satisfies(r -> assertThat(r.envelope().payload().externalUserId()).isEqualTo("acc-42"));
        }
    }

    @Test
    void aRowThatCanNeverBePublishedIsSetAsideAndTheRestFlows() throws Exception {
        UUID poison = UUID.randomUUID();
        var postgres = SharedInfrastructure.get().postgres();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            try (var insert = connection.prepareStatement("insert into mapping.outbox (id, aggregate_type, aggregate_id, type, topic, "
                    + "message_key, payload) values (?, 'test', 'poison', 'nothing', 'no.such-topic', 'k', null)")) {
                insert.setObject(1, poison);
                insert.executeUpdate();
            }
            try (var probe = KafkaProbe.on(Topics.USER_MAPPINGS)) {
                create(mapping("jira", "after-poison@example.com", null, UUID.randomUUID())).expectStatus().isCreated();
                probe.awaitMatching(r -> r.key().orgId().equals(org), 1, Duration.ofSeconds(20));
            }
            try (var select = connection.prepareStatement("select failed_at, failure, published_at from mapping.outbox where id = ?")) {
                select.setObject(1, poison);
                var row = select.executeQuery();
                assertThat(row.next()).isTrue();
                assertThat(row.getTimestamp(1)).as("set aside").isNotNull();
                assertThat(row.getString(2)).contains("unknown topic no.such-topic");
                assertThat(row.getTimestamp(3)).as("never published").isNull();
            }
        }
    }

    @Test
    void aRefusedChangePublishesNothing() {
        try (var probe = KafkaProbe.on(Topics.USER_MAPPINGS)) {
            create(mapping("slack", null, "U-once", UUID.randomUUID())).expectStatus().isCreated();
            create(mapping("slack", null, "U-once", UUID.randomUUID())).expectStatus().isEqualTo(409);
            probe.awaitMatching(r -> r.key().orgId().equals(org), 1, Duration.ofSeconds(20));
            assertThat(ofThisOrganisation(probe.drain(Duration.ofSeconds(2)))).hasSize(1);
        }
    }
}
