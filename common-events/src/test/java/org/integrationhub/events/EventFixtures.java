package org.integrationhub.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Object mother: one fixed, fully populated envelope per event type, matching the golden JSON files. */
final class EventFixtures {

    static final Instant AT = Instant.parse("2026-11-22T10:15:30.123Z");
    static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);

    static final OrgId ORG = OrgId.of("0b5b3a52-5c8e-4d6a-9f5e-1a2b3c4d5e01");
    static final ConnectionId CONNECTION = ConnectionId.of("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    static final SyncRunId SYNC_RUN = SyncRunId.of("5a0f6b1c-2d3e-4f50-8a61-7b8c9d0e1f22");
    static final TaskId TASK = TaskId.of("9d2c4e6f-8a0b-4c1d-9e2f-3a4b5c6d7e88");
    static final MappingId MAPPING = MappingId.of("1e2d3c4b-5a69-4788-97a6-b5c4d3e2f100");
    static final ResourceId RESOURCE = ResourceId.of("6f5e4d3c-2b1a-4098-8776-655443322110");

    static final Person ADA = new Person("5b10ac8d82e05b22cc7d4ef5", "ada@example.com", "Ada Lovelace");
    static final byte[] WEBHOOK_BODY = "{\"action\":\"opened\",\"issue\":{\"number\":12}}".getBytes(StandardCharsets.UTF_8);

    private EventFixtures() {
    }

    static UUID eventId(int n) {
        return UUID.fromString(String.format("11111111-1111-4111-8111-%012d", n));
    }

    static EventEnvelope<SyncRequested> syncRequested() {
        var payload = new SyncRequested(CONNECTION, SYNC_RUN, ExternalSystem.JIRA,
                SyncRequested.Trigger.MANUAL, false, AT);
        return EventEnvelope.of(eventId(1), EventTypes.SYNC_REQUESTED, ORG, "sync-run:" + SYNC_RUN, payload, CLOCK);
    }

    static WebhookReceived webhookReceived() {
        return new WebhookReceived(CONNECTION, ExternalSystem.GITHUB, "72d3162e-cc78-11e3-81ab-4c9367dc0958",
                "issues", Map.of("X-GitHub-Event", "issues", "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958"),
                "application/json", WEBHOOK_BODY, AT);
    }

    static EventEnvelope<WebhookReceived> webhookReceivedEnvelope() {
        WebhookReceived payload = webhookReceived();
        String key = IdempotencyKeys.webhook(payload.provider(), CONNECTION, payload.deliveryId(), payload.body());
        return EventEnvelope.of(eventId(2), EventTypes.WEBHOOK_RECEIVED, ORG, key, payload, CLOCK);
    }

    static EventEnvelope<ConnectionSnapshot> connectionSnapshot() {
        var payload = new ConnectionSnapshot(CONNECTION, ORG, ExternalSystem.JIRA, "oauth", "Acme Jira",
                "https://api.atlassian.com/ex/jira/1324a887-45db-1bf4-1e99-ef0ff456d421", "active", true, true, List.of("OPS", "WEB"), null, true,
                new SealedSecret("2026-11", "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng="), 7L, AT, "https://acme.atlassian.net");
        return EventEnvelope.of(eventId(3), EventTypes.CONNECTION_SNAPSHOT, ORG, "connection:" + CONNECTION + ":7",
                payload, CLOCK);
    }

    static EventEnvelope<TaskObserved> taskObserved() {
        var payload = new TaskObserved(CONNECTION, ExternalSystem.JIRA, "10042", "OPS-42", "Rotate the webhook secret",
                "In Progress", "indeterminate", TaskObserved.Kind.ISSUE, ADA, "OPS", List.of("security", "ops"),
                "https://acme.atlassian.net/browse/OPS-42", Instant.parse("2026-11-20T08:00:00Z"), AT, false,
                TaskObserved.Source.POLL, "{\"id\":\"10042\",\"key\":\"OPS-42\"}",
                SYNC_RUN);
        return EventEnvelope.of(eventId(4), EventTypes.TASK_OBSERVED, ORG,
                IdempotencyKeys.polledItem(CONNECTION, "10042", AT), payload, CLOCK);
    }

    static EventEnvelope<UserMappingChanged> userMappingChanged() {
        var payload = new UserMappingChanged(MAPPING, ExternalSystem.JIRA, "ada@example.com",
                "5b10ac8d82e05b22cc7d4ef5", RESOURCE, AT);
        return EventEnvelope.of(eventId(5), EventTypes.USER_MAPPING_CHANGED, ORG, "user-mapping:" + MAPPING + ":1",
                payload, CLOCK);
    }

    static EventEnvelope<ExternalTaskUpdated> externalTaskUpdated() {
        var payload = new ExternalTaskUpdated(TASK, CONNECTION, ExternalSystem.JIRA, "10042", "OPS-42",
                "Rotate the webhook secret", "In Progress", "To Do", ExternalTaskUpdated.Change.UPDATED,
                new Person(null, "ada@example.com", null), RESOURCE, TaskObserved.Source.WEBHOOK, AT, 3L);
        return EventEnvelope.of(eventId(6), EventTypes.EXTERNAL_TASK_UPDATED, ORG, "task:" + TASK + ":3",
                payload, CLOCK);
    }
}
