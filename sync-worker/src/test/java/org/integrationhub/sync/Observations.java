package org.integrationhub.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.IdempotencyKeys;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.Person;
import org.integrationhub.events.TaskKey;
import org.integrationhub.events.TaskObserved;

/** Test data for task observations (object mother): one organisation and connection, fresh per instance. */
public final class Observations {

    public static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    private final OrgId org;
    private final ConnectionId connection = ConnectionId.random();
    private final ExternalSystem system;

    public Observations(OrgId org, ExternalSystem system) {
        this.org = org;
        this.system = system;
    }

    public OrgId org() {
        return org;
    }

    public ConnectionId connection() {
        return connection;
    }

    public TaskKey key(String externalId) {
        return new TaskKey(org, system, externalId);
    }

    /** A polled version of item {@code externalId}, {@code minute} minutes after T0. */
    public EventEnvelope<TaskObserved> polled(String externalId, String title, int minute) {
        return polled(externalId, title, minute, null, "In Progress");
    }

    public EventEnvelope<TaskObserved> polled(String externalId, String title, int minute, Person assignee, String status) {
        Instant updated = T0.plusSeconds(60L * minute);
        var payload = new TaskObserved(connection, system, externalId, "PROJ-" + externalId, title, status, "indeterminate",
                TaskObserved.Kind.ISSUE, assignee, "PROJ", List.of("backend"), "https://example.atlassian.net/browse/PROJ-" + externalId,
                T0.minusSeconds(86_400), updated, false, TaskObserved.Source.POLL,
                "{\"id\":\"" + externalId + "\",\"fields\":{\"summary\":\"" + title + "\"}}");
        return EventEnvelope.of(EventTypes.TASK_OBSERVED, org, IdempotencyKeys.polledItem(connection, externalId, updated), payload,
                Clock.systemUTC());
    }

    /** A delete of item {@code externalId} seen by webhook, {@code minute} minutes after T0. */
    public EventEnvelope<TaskObserved> deleted(String externalId, int minute) {
        Instant at = T0.plusSeconds(60L * minute);
        var payload = TaskObserved.tombstone(connection, system, externalId, at, TaskObserved.Source.WEBHOOK);
        return EventEnvelope.of(EventTypes.TASK_OBSERVED, org, "webhook:" + system.wireName() + ":" + connection + ":delete-"
                + externalId + "-" + minute, payload, Clock.systemUTC());
    }
}
