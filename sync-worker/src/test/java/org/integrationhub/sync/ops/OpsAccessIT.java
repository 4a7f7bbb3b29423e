package org.integrationhub.sync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.integrationhub.sync.SyncWorkerTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /api/ops/**} needs the ops role, and every operator action lands in the audit log. */
class OpsAccessIT extends SyncWorkerTest {

    private static final String POSITION = "/api/ops/dead-letters/integration.task-observations-dlt/0/999999999";

    /** Every operator endpoint, as a request waiting for its client. */
    private static final List<Function<WebTestClient, WebTestClient.ResponseSpec>> ENDPOINTS = List.of(
            c -> c.get().uri("/api/ops/dead-letters").exchange(),
            c -> c.post().uri(POSITION + "/redrive").exchange(),
            c -> c.post().uri(POSITION + "/discard").exchange(),
            c -> c.post().uri("/api/ops/dead-letters/redrive").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("all", true)).exchange(),
            c -> c.get().uri("/api/ops/lag").exchange(),
            c -> c.get().uri("/api/ops/health").exchange(),
            c -> c.post().uri("/api/ops/replays").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange(),
            c -> c.get().uri("/api/ops/replays").exchange(),
            c -> c.get().uri("/api/ops/replays/" + UUID.randomUUID()).exchange(),
            c -> c.post().uri("/api/ops/replays/" + UUID.randomUUID() + "/cancel").exchange(),
            c -> c.get().uri("/api/ops/audit").exchange());

    @Test
    void everyOperatorEndpointRefusesACallerWithoutTheOpsRole() {
        WebTestClient admin = http(organisation, UUID.randomUUID(), "admin", "member");
        WebTestClient anonymous = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
        long auditBefore = count("select count(*) from sync.ops_audit");
        for (var endpoint : ENDPOINTS) {
            endpoint.apply(admin).expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
            endpoint.apply(anonymous).expectStatus().isUnauthorized();
        }
        assertThat(count("select count(*) from sync.ops_audit")).as("nothing was done, nothing audited").isEqualTo(auditBefore);
    }

    @Test
    void everyOperatorActionIsAuditedWithWhoWhatWhenAndTheResult() {
        UUID operator = UUID.randomUUID();
        WebTestClient ops = http(organisation, operator, "member", "ops");

        ops.get().uri("/api/ops/lag").exchange().expectStatus().isOk().expectBody().jsonPath("$.data.lag").isArray();
        ops.get().uri("/api/ops/dead-letters?topic=integration.task-observations&key=nobody").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data").isEmpty();
        ops.post().uri(POSITION + "/redrive").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("dead_letter_not_found");
        ops.post().uri("/api/ops/dead-letters/redrive").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("redrive_needs_filter");

        List<Map<String, Object>> entries = query("select user_id, organisation_id, action, parameters::text as parameters, result, at "
                + "from sync.ops_audit where user_id = ? order by id", operator);
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("lag.read", "dead-letters.list", "dead-letters.redrive");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("organisation_id")).isEqualTo(organisation.value());
            assertThat(e.get("at")).isNotNull();
        });
        assertThat(entries.get(0).get("result").toString()).startsWith("ok: ");
        assertThat(entries.get(1).get("parameters").toString()).contains("\"key\": \"nobody\"", "\"topic\": \"integration.task-observations\"");
        assertThat(entries.get(2)).containsEntry("result", "failed: dead_letter_not_found");
        assertThat(entries.get(2).get("parameters").toString()).contains("\"offset\": 999999999");

        ops.get().uri("/api/ops/audit?limit=10").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].action").isEqualTo("dead-letters.redrive")
                .jsonPath("$.data[0].userId").isEqualTo(operator.toString());
    }
}
