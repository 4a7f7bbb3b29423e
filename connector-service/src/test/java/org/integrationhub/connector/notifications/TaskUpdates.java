package org.integrationhub.connector.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.ExternalTaskUpdated;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.Person;
import org.integrationhub.events.ResourceId;
import org.integrationhub.events.TaskId;
import org.integrationhub.events.TaskObserved;

/** Test data: ExternalTaskUpdated events and envelopes as sync-worker's apply stage publishes them. */
final class TaskUpdates {

    private TaskUpdates() {
    }

    static ExternalTaskUpdated statusChanged(ConnectionId jira, String externalId, String key, String title, String from, String to) {
        return new ExternalTaskUpdated(TaskId.random(), jira, ExternalSystem.JIRA, externalId, key, title, to, from,
                ExternalTaskUpdated.Change.UPDATED, new Person("acc-1", "ada@acme.example", "Ada Lovelace"), ResourceId.random(),
                TaskObserved.Source.WEBHOOK, Instant.parse("2026-11-23T10:00:00Z"), 2);
    }

    static ExternalTaskUpdated created(ConnectionId jira, String externalId, String key, String title) {
        return new ExternalTaskUpdated(TaskId.random(), jira, ExternalSystem.JIRA, externalId, key, title, "To Do", null,
                ExternalTaskUpdated.Change.CREATED, null, null, TaskObserved.Source.POLL, Instant.parse("2026-11-23T10:00:00Z"), 1);
    }

    static ExternalTaskUpdated edited(ConnectionId jira, String externalId, String key, String title) {
        return new ExternalTaskUpdated(TaskId.random(), jira, ExternalSystem.JIRA, externalId, key, title, "To Do", "To Do",
                ExternalTaskUpdated.Change.UPDATED, null, null, TaskObserved.Source.WEBHOOK, Instant.parse("2026-11-23T10:00:00Z"), 3);
    }

    /** An update of {@code task} at {@code version}, status unchanged, assigned to {@code name} (mapped to {@code resource}). */
    static ExternalTaskUpdated assigned(ConnectionId jira, TaskId task, String externalId, String key, String title, String name,
            ResourceId resource, long version) {
        return new ExternalTaskUpdated(task, jira, ExternalSystem.JIRA, externalId, key, title, "In Progress", "In Progress",
                ExternalTaskUpdated.Change.UPDATED, new Person(null, null, name), resource, TaskObserved.Source.WEBHOOK,
                Instant.parse("2026-11-23T10:00:00Z").plusSeconds(version), version);
    }

    static EventEnvelope<ExternalTaskUpdated> envelope(OrgId org, ExternalTaskUpdated task) {
        return EventEnvelope.of(UUID.randomUUID(), EventTypes.EXTERNAL_TASK_UPDATED, org,
                "task:" + task.taskId() + ":" + task.version(), task, Clock.systemUTC());
    }
}
