package org.integrationhub.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.IdempotencyKeys;
import org.integrationhub.events.MappingId;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.Person;
import org.integrationhub.events.ResourceId;
import org.integrationhub.events.SyncRequested;
import org.integrationhub.events.SyncRunId;
import org.integrationhub.events.TaskKey;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.Topics;
import org.integrationhub.events.UserMappingChanged;
import org.integrationhub.events.UserMappingKey;
import org.integrationhub.events.WebhookReceived;

/** Test data for the wire contract (object mother): realistic envelopes with fresh ids. */
public final class SampleEvents {

    private static final Clock CLOCK = Clock.systemUTC();

    private SampleEvents() {
    }

    public static RoundTrip<ConnectionId, SyncRequested> syncRequested() {
        OrgId org = OrgId.random();
        ConnectionId connection = ConnectionId.random();
        SyncRunId run = SyncRunId.random();
        var payload = new SyncRequested(connection, run, ExternalSystem.JIRA, SyncRequested.Trigger.MANUAL, false, Instant.now());
        return new RoundTrip<>(Topics.SYNC_REQUESTS, connection,
                EventEnvelope.of(EventTypes.SYNC_REQUESTED, org, "sync-run:" + run, payload, CLOCK));
    }

    public static RoundTrip<ConnectionId, WebhookReceived> webhookReceived() {
        OrgId org = OrgId.random();
        ConnectionId connection = ConnectionId.random();
        String delivery = java.util.UUID.randomUUID().toString();
        byte[] body = "{\"action\":\"opened\",\"issue\":{\"id\":1,\"title\":\"Grüße, 世界\"}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var payload = new WebhookReceived(connection, ExternalSystem.GITHUB, delivery, "issues",
                Map.of("x-github-event", "issues", "x-github-delivery", delivery), "application/json", body, Instant.now());
        return new RoundTrip<>(Topics.WEBHOOK_DELIVERIES, connection, EventEnvelope.of(EventTypes.WEBHOOK_RECEIVED, org,
                IdempotencyKeys.webhook(ExternalSystem.GITHUB, connection, delivery, body), payload, CLOCK));
    }

    public static RoundTrip<TaskKey, TaskObserved> taskObserved() {
        OrgId org = OrgId.random();
        ConnectionId connection = ConnectionId.random();
        Instant updated = Instant.now();
        var payload = new TaskObserved(connection, ExternalSystem.JIRA, "10001", "PROJ-1", "Fix the login page", "In Progress",
                "indeterminate", TaskObserved.Kind.ISSUE, new Person("5b10ac8d82e05b22cc7d4ef5", null, "Mia Krystof"), "PROJ",
                List.of("frontend"), "https://example.atlassian.net/browse/PROJ-1", updated.minusSeconds(3600), updated,
                false, TaskObserved.Source.POLL, "{\"id\":\"10001\",\"key\":\"PROJ-1\"}");
        return new RoundTrip<>(Topics.TASK_OBSERVATIONS, new TaskKey(org, ExternalSystem.JIRA, "10001"),
                EventEnvelope.of(EventTypes.TASK_OBSERVED, org, IdempotencyKeys.polledItem(connection, "10001", updated), payload, CLOCK));
    }

    public static RoundTrip<UserMappingKey, UserMappingChanged> userMappingChanged() {
        OrgId org = OrgId.random();
        MappingId mapping = MappingId.random();
        var payload = new UserMappingChanged(mapping, ExternalSystem.GITHUB, "octocat@github.com", "octocat", ResourceId.random(), Instant.now());
        return new RoundTrip<>(Topics.USER_MAPPINGS, new UserMappingKey(org, ExternalSystem.GITHUB, "octocat"),
                EventEnvelope.of(EventTypes.USER_MAPPING_CHANGED, org, "user-mapping:" + mapping + ":1", payload, CLOCK));
    }
}
