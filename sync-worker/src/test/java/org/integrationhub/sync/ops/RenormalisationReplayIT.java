package org.integrationhub.sync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.IdempotencyKeys;
import org.integrationhub.events.Topics;
import org.integrationhub.events.WebhookReceived;
import org.integrationhub.sync.SyncWorkerTest;
import org.integrationhub.sync.normalise.DeliveryObservations;
import org.integrationhub.sync.normalise.NormaliseSettings;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * A mapping rule changed (Jira's "Blocked" status now counts as in progress): the tasks stored
 * under the old rule are brought up to date by a re-normalisation replay of their webhook
 * deliveries, exactly those whose content changed, with one event each; a safe replay of the same
 * deliveries changes nothing.
 */
@HubIntegrationTest(properties = "hub.sync.normalise.status-categories.blocked=indeterminate")
class RenormalisationReplayIT extends SyncWorkerTest {

    private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> PROGRESS = new ParameterizedTypeReference<>() {
    };
    private static final String NORMALISE_LISTENER = "normalise-webhooks";

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    private final ConnectionId connection = ConnectionId.random();

    @AfterEach
    void normaliseAgain() {
        listeners.getListenerContainer(NORMALISE_LISTENER).start();
    }

    @Test
    void aReNormalisationReplayUpdatesExactlyTheTasksWhoseContentChangedOnceEach() {
        List<EventEnvelope<WebhookReceived>> deliveries = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            deliveries.add(jira("blocked-" + i, "70" + i, "Blocked", "2026-11-22T10:00:00.000+0000"));
            deliveries.add(jira("todo-" + i, "80" + i, "To Do", "2026-11-22T10:00:00.000+0000"));
        }
        // one issue twice: blocked first, then back to do; the older version must not win on re-normalisation
        deliveries.add(jira("moved-1", "901", "Blocked", "2026-11-22T10:00:00.000+0000"));
        deliveries.add(jira("moved-2", "901", "To Do", "2026-11-22T10:05:00.000+0000"));

        // the tasks as the normaliser before the rule made them: the provider's category "new" for Blocked
        listeners.getListenerContainer(NORMALISE_LISTENER).stop();
        deliver(deliveries);
        var before = new DeliveryObservations(NormaliseSettings.none(), Clock.systemUTC());
        for (var delivery : deliveries) {
            before.of(delivery).observations().forEach(observation -> publish(observation));
        }
        await("the deliveries applied under the old rule").atMost(Duration.ofSeconds(60))
                .until(() -> tasksOf(organisation) == 7 && eventsOf(organisation) == 8);
        assertThat(task(organisation, "701")).containsEntry("status_category", "new");
        var unchangedBefore = rows("'80%'", "'901'");

        Map<String, Object> done = replay("renormalise");
        assertThat(done).containsEntry("status", "succeeded").containsEntry("observations", 8).containsEntry("applied", 3)
                .containsEntry("unchanged", 4).containsEntry("stale", 1).containsEntry("duplicate", 0);
        assertThat(number(done, "read")).as("the counts add up").isEqualTo(number(done, "skipped") + number(done, "unreadable") + 8);
        assertThat(number(done, "read")).isEqualTo(number(done, "total"));

        for (String id : List.of("701", "702", "703")) {
            assertThat(task(organisation, id)).as(id).containsEntry("status_category", "indeterminate").containsEntry("version", 2L);
            assertThat(count("select count(*) from sync.outbox o join sync.external_tasks t on o.aggregate_id = t.id::text "
                    + "where t.organisation_id = ? and t.external_id = ?", organisation.value(), id)).as("events of " + id).isEqualTo(2);
        }
        assertThat(rows("'80%'", "'901'")).as("the tasks whose content did not change").isEqualTo(unchangedBefore);
        assertThat(task(organisation, "901")).containsEntry("status", "To Do").containsEntry("version", 2L);
        assertThat(eventsOf(organisation)).as("one event per changed task").isEqualTo(11);

        Map<String, Object> again = replay("renormalise");
        assertThat(again).as("a second re-normalisation finds nothing to change").containsEntry("applied", 0)
                .containsEntry("unchanged", 7).containsEntry("stale", 1);
        Map<String, Object> safe = replay("safe");
        assertThat(safe).as("a safe replay of the deliveries").containsEntry("duplicate", 8).containsEntry("applied", 0);
        assertThat(eventsOf(organisation)).isEqualTo(11);
    }

    private Map<String, Object> replay(String mode) {
        Map<String, Object> request = new HashMap<>(Map.of("topic", Topics.WEBHOOK_DELIVERIES.name(), "mode", mode,
                "connectionId", connection.value().toString()));
        Map<String, Object> started = ops().post().uri("/api/ops/replays").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange().expectStatus().isAccepted().expectBody(PROGRESS).returnResult().getResponseBody().get("data");
        String id = started.get("id").toString();
        return await("replay " + mode + " finished").atMost(Duration.ofSeconds(60))
                .until(() -> ops().get().uri("/api/ops/replays/" + id).exchange().expectStatus().isOk().expectBody(PROGRESS)
                        .returnResult().getResponseBody().get("data"), p -> !"running".equals(p.get("status")));
    }

    private List<Map<String, Object>> rows(String externalIdLike, String exactId) {
        return query("select id, version, updated_at, last_event_id, content_hash, status_category from sync.external_tasks "
                + "where organisation_id = ? and (external_id like " + externalIdLike + " or external_id = " + exactId + ") order by id",
                organisation.value());
    }

    private static long number(Map<String, Object> progress, String field) {
        return ((Number) progress.get(field)).longValue();
    }

    private WebTestClient ops() {
        return http(organisation, UUID.randomUUID(), "ops");
    }

    private EventEnvelope<WebhookReceived> jira(String deliveryId, String issueId, String status, String updated) {
        String issue = """
                {"id":"%s","key":"OPS-%s","self":"https://acme.atlassian.net/rest/api/3/issue/%s",
                 "fields":{"summary":"Issue %s","status":{"name":"%s","statusCategory":{"key":"new"}},"project":{"key":"OPS"},
                           "labels":[],"created":"2026-11-20T08:00:00.000+0000","updated":"%s"}}"""
                .formatted(issueId, issueId, issueId, issueId, status, updated);
        byte[] body = ("{\"timestamp\":1763806530123,\"webhookEvent\":\"jira:issue_updated\",\"issue\":" + issue + "}")
                .getBytes(StandardCharsets.UTF_8);
        var delivery = new WebhookReceived(connection, ExternalSystem.JIRA, deliveryId, "jira:issue_updated",
                Map.of("X-Atlassian-Webhook-Identifier", deliveryId), "application/json", body, Instant.now());
        return EventEnvelope.of(EventTypes.WEBHOOK_RECEIVED, organisation,
                IdempotencyKeys.webhook(ExternalSystem.JIRA, connection, deliveryId, body), delivery, Clock.systemUTC());
    }

    private void deliver(List<EventEnvelope<WebhookReceived>> deliveries) {
        Flux.fromIterable(deliveries).concatMap(d -> publisher.publish(Topics.WEBHOOK_DELIVERIES, connection, d))
                .blockLast(Duration.ofSeconds(30));
    }
}
