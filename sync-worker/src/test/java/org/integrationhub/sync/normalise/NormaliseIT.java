package org.integrationhub.sync.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.IdempotencyKeys;
import org.integrationhub.events.Topics;
import org.integrationhub.events.WebhookReceived;
import org.integrationhub.sync.SyncWorkerTest;
import org.integrationhub.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** Webhook deliveries on real Kafka become tasks in Postgres, once each, through normalise and apply. */
class NormaliseIT extends SyncWorkerTest {

    private static final Duration APPLIED = Duration.ofSeconds(60);
    private final ConnectionId connection = ConnectionId.random();

    private static String jiraIssue(String id, String summary, String updated) {
        return """
                {"id":"%s","key":"OPS-%s","self":"https://acme.atlassian.net/rest/api/3/issue/%s",
                 "fields":{"summary":"%s","status":{"name":"To Do","statusCategory":{"key":"new"}},"project":{"key":"OPS"},
                           "labels":[],"created":"2026-11-20T08:00:00.000+0000","updated":"%s"}}""".formatted(id, id, id, summary, updated);
    }

    private EventEnvelope<WebhookReceived> jira(String deliveryId, String event, String issue) {
        byte[] body = ("{\"timestamp\":1763806530123,\"webhookEvent\":\"" + event + "\",\"issue\":" + issue + "}")
                .getBytes(StandardCharsets.UTF_8);
        return envelope(new WebhookReceived(connection, ExternalSystem.JIRA, deliveryId, event,
                Map.of("X-Atlassian-Webhook-Identifier", deliveryId), "application/json", body, Instant.now()));
    }

    private EventEnvelope<WebhookReceived> envelope(WebhookReceived delivery) {
        return EventEnvelope.of(EventTypes.WEBHOOK_RECEIVED, organisation,
                IdempotencyKeys.webhook(delivery.provider(), connection, delivery.deliveryId(), delivery.body()), delivery, Clock.systemUTC());
    }

    private void deliver(List<EventEnvelope<WebhookReceived>> deliveries, int concurrency) {
        Flux.fromIterable(deliveries)
                .flatMap(d -> publisher.publish(Topics.WEBHOOK_DELIVERIES, connection, d), concurrency)
                .blockLast(Duration.ofSeconds(30));
    }

    @Test
    void aJiraUpdateByWebhookUpdatesItsTaskWithinSeconds() {
        deliver(List.of(jira("d-created", "jira:issue_created", jiraIssue("501", "Created", "2026-11-22T10:00:00.000+0000"))), 1);
        await("the created issue applied").atMost(APPLIED).until(() -> tasksOf(organisation) == 1);

        deliver(List.of(jira("d-updated", "jira:issue_updated", jiraIssue("501", "Edited in Jira", "2026-11-22T10:05:00.000+0000"))), 1);
        await("the update applied").atMost(APPLIED).until(() -> "Edited in Jira".equals(task(organisation, "501").get("title")));

        var task = task(organisation, "501");
        assertThat(task).containsEntry("version", 2L).containsEntry("source", "webhook").containsEntry("task_key", "OPS-501");
        assertThat(eventsOf(organisation)).as("created, then updated").isEqualTo(2);
    }

    @Test
    void theSameWebhookDeliveredTenTimesFiveOfThemConcurrentlyIsOneEventRowAndOneChange() {
        var delivery = jira("d-repeated", "jira:issue_updated", jiraIssue("502", "Delivered ten times", "2026-11-22T11:00:00.000+0000"));
        deliver(IntStream.range(0, 5).mapToObj(i -> delivery).toList(), 1);
        deliver(IntStream.range(0, 5).mapToObj(i -> delivery).toList(), 5);

        await("nine copies counted as duplicates").atMost(APPLIED)
                .until(() -> count("select count(*) from sync.external_task_events where organisation_id = ?", organisation.value()) == 1
                        && counted("sync.normalise.deliveries", "outcome", "normalised") >= 10);
        await("the task applied").atMost(APPLIED).until(() -> tasksOf(organisation) == 1);
        assertThat(count("select count(*) from sync.external_task_events where organisation_id = ? and idempotency_key = ?",
                organisation.value(), delivery.idempotencyKey())).as("one event row").isOne();
        assertThat(task(organisation, "502")).containsEntry("version", 1L);
        assertThat(eventsOf(organisation)).as("one change, one event").isOne();
    }

    @Test
    void aGitHubDeleteLeavesATombstone() {
        String issue = "{\"id\":9001,\"number\":3,\"title\":\"Doomed\",\"state\":\"open\",\"updated_at\":\"2026-11-22T09:00:00Z\"}";
        deliver(List.of(github("g-opened", "opened", issue)), 1);
        await("the issue applied").atMost(APPLIED).until(() -> tasksOf(organisation) == 1);

        deliver(List.of(github("g-deleted", "deleted", issue)), 1);
        await("the task marked deleted").atMost(APPLIED).until(() -> Boolean.TRUE.equals(task(organisation, "9001").get("deleted")));
        assertThat(task(organisation, "9001")).containsEntry("title", "Doomed").containsEntry("version", 2L);
    }

    @Test
    void anUnreadableDeliveryGoesToTheDeadLetterTopicAndTheOnesAroundItAreStillApplied() {
        var unreadable = envelope(new WebhookReceived(connection, ExternalSystem.JIRA, "d-broken-" + UUID.randomUUID(), "jira:issue_updated",
                Map.of(), "application/json", "{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"1\"}}".getBytes(StandardCharsets.UTF_8),
                Instant.now()));
        var skipped = envelope(new WebhookReceived(connection, ExternalSystem.JIRA, "d-comment", "comment_created", Map.of(),
                "application/json", "{\"webhookEvent\":\"comment_created\"}".getBytes(StandardCharsets.UTF_8), Instant.now()));
        double skippedBefore = counted("sync.normalise.deliveries", "outcome", "skipped");
        try (var deadLetters = KafkaProbe.on(Topics.WEBHOOK_DELIVERIES.deadLetter())) {
            // one connection, one partition: likely one batch, the unreadable delivery in its middle
            deliver(List.of(jira("d-before", "jira:issue_created", jiraIssue("504", "Before", "2026-11-22T11:59:00.000+0000")),
                    unreadable, skipped, jira("d-after", "jira:issue_created", jiraIssue("503", "After", "2026-11-22T12:00:00.000+0000"))),
                    4);

            await("the deliveries before and after the unreadable one applied").atMost(APPLIED).until(() -> tasksOf(organisation) == 2);
            var dead = deadLetters.awaitMatching(r -> connection.equals(r.key()), 1, APPLIED);
            assertThat(dead).as("the unreadable delivery, as it was").singleElement()
                    .satisfies(r -> assertThat(r.envelope().eventId()).isEqualTo(unreadable.eventId()));
        }
        assertThat(counted("sync.normalise.deliveries", "outcome", "skipped") - skippedBefore).as("the comment event").isEqualTo(1);
    }

    private EventEnvelope<WebhookReceived> github(String deliveryId, String action, String issue) {
        byte[] body = ("{\"action\":\"" + action + "\",\"issue\":" + issue + ",\"repository\":{\"full_name\":\"acme/api\"}}")
                .getBytes(StandardCharsets.UTF_8);
        return envelope(new WebhookReceived(connection, ExternalSystem.GITHUB, deliveryId, "issues", Map.of(), "application/json", body,
                Instant.now()));
    }
}
