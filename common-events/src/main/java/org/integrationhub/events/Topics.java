package org.integrationhub.events;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The topic catalogue: the only place a topic name is written. */
public final class Topics {

    public static final Topic<ConnectionId, SyncRequested> SYNC_REQUESTS = new Topic<>(
            "integration.sync-requests", KeyFormats.CONNECTION_ID, EventTypes.SYNC_REQUESTED, false);
    public static final Topic<ConnectionId, WebhookReceived> WEBHOOK_DELIVERIES = new Topic<>(
            "integration.webhook-deliveries", KeyFormats.CONNECTION_ID, EventTypes.WEBHOOK_RECEIVED, false);
    public static final Topic<ConnectionId, ConnectionSnapshot> CONNECTIONS = new Topic<>(
            "integration.connections", KeyFormats.CONNECTION_ID, EventTypes.CONNECTION_SNAPSHOT, true);
    public static final Topic<TaskKey, TaskObserved> TASK_OBSERVATIONS = new Topic<>(
            "integration.task-observations", KeyFormats.TASK_KEY, EventTypes.TASK_OBSERVED, false);
    public static final Topic<UserMappingKey, UserMappingChanged> USER_MAPPINGS = new Topic<>(
            "mapping.user-mappings", KeyFormats.USER_MAPPING_KEY, EventTypes.USER_MAPPING_CHANGED, true);
    public static final Topic<TaskKey, ExternalTaskUpdated> EXTERNAL_TASK_UPDATES = new Topic<>(
            "task.external-task-updates", KeyFormats.TASK_KEY, EventTypes.EXTERNAL_TASK_UPDATED, false);

    private static final List<Topic<?, ?>> ALL = List.of(
            SYNC_REQUESTS, WEBHOOK_DELIVERIES, CONNECTIONS,
            TASK_OBSERVATIONS, USER_MAPPINGS, EXTERNAL_TASK_UPDATES);

    private Topics() {
    }

    /** Every topic of the catalogue (dead-letter topics are derived with {@link Topic#deadLetter()}). */
    public static List<Topic<?, ?>> all() {
        return ALL;
    }

    /** Finds a catalogue topic, or the dead-letter topic of one, by name. */
    public static Optional<Topic<?, ?>> byName(String name) {
        return ALL.stream()
                .<Topic<?, ?>>flatMap(topic -> Stream.of(topic, topic.deadLetter()))
                .filter(topic -> topic.name().equals(name))
                .findFirst();
    }
}
