package org.integrationhub.events;

import java.util.List;
import java.util.Optional;

/** The catalogue of every event type on the wire, by logical name. */
public final class EventTypes {

    public static final EventType<SyncRequested> SYNC_REQUESTED =
            new EventType<>("integration.sync-requested", 1, SyncRequested.class);
    public static final EventType<WebhookReceived> WEBHOOK_RECEIVED =
            new EventType<>("integration.webhook-received", 1, WebhookReceived.class);
    public static final EventType<ConnectionSnapshot> CONNECTION_SNAPSHOT =
            new EventType<>("integration.connection-snapshot", 1, ConnectionSnapshot.class);
    public static final EventType<TaskObserved> TASK_OBSERVED =
            new EventType<>("integration.task-observed", 1, TaskObserved.class);
    public static final EventType<UserMappingChanged> USER_MAPPING_CHANGED =
            new EventType<>("mapping.user-mapping-changed", 1, UserMappingChanged.class);
    /** Keeps the seed project's name. */
    public static final EventType<ExternalTaskUpdated> EXTERNAL_TASK_UPDATED =
            new EventType<>("external_task.updated", 1, ExternalTaskUpdated.class);

    private static final List<EventType<?>> ALL = List.of(
            SYNC_REQUESTED, WEBHOOK_RECEIVED, CONNECTION_SNAPSHOT,
            TASK_OBSERVED, USER_MAPPING_CHANGED, EXTERNAL_TASK_UPDATED);

    private EventTypes() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(type -> type.name().equals(name)).findFirst();
    }
}
