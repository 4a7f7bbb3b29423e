package org.integrationhub.connector.notifications;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalTaskUpdated;
import org.integrationhub.events.TaskKey;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * connector-service's consumer of {@code task.external-task-updates} (group
 * {@code connector-service.slack-notifications}, apart from the apply stage's): per record a rules
 * lookup and a dedup insert, bounded by a timeout — posting happens elsewhere, so a slow or
 * rate-limited Slack never holds a partition. Undecodable values and other event types are poison
 * ({@code -dlt} at once); the values are read through an {@code ErrorHandlingDeserializer} set on
 * this listener only.
 */
@Component
class TaskUpdateListener {

    static final String ID = "slack-notifications";
    private static final Duration TAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final LogAccessor LOG = new LogAccessor(TaskUpdateListener.class);

    private final TaskNotifications notifications;

    TaskUpdateListener(TaskNotifications notifications) {
        this.notifications = notifications;
    }

    @KafkaListener(id = ID, idIsGroup = false, groupId = "connector-service.slack-notifications",
            topics = "#{T(org.integrationhub.events.Topics).EXTERNAL_TASK_UPDATES.name()}",
            properties = {
                    "value.deserializer=org.springframework.kafka.support.serializer.ErrorHandlingDeserializer",
                    "spring.deserializer.value.delegate.class=org.integrationhub.support.kafka.EnvelopeDeserializer"})
    void onTaskUpdated(ConsumerRecord<String, EventEnvelope<?>> record) {
        EventEnvelope<ExternalTaskUpdated> envelope = envelope(record);
        notifications.take(envelope).block(TAKE_TIMEOUT);
    }

    static EventEnvelope<ExternalTaskUpdated> envelope(ConsumerRecord<String, EventEnvelope<?>> record) {
        var undecodable = SerializationUtils.getExceptionFromHeader(record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        if (undecodable != null) {
            throw new PoisonRecord("undecodable value", undecodable);
        }
        EventEnvelope<?> envelope = record.value();
        if (envelope == null || !EventTypes.EXTERNAL_TASK_UPDATED.name().equals(envelope.type())
                || !(envelope.payload() instanceof ExternalTaskUpdated task)) {
            throw new PoisonRecord("not an " + EventTypes.EXTERNAL_TASK_UPDATED.name(), null);
        }
        if (record.key() != null && !new TaskKey(envelope.orgId(), task.system(), task.externalId()).format().equals(record.key())) {
            throw new PoisonRecord("the record key is not the task's", null);
        }
        @SuppressWarnings("unchecked")
        EventEnvelope<ExternalTaskUpdated> typed = (EventEnvelope<ExternalTaskUpdated>) envelope;
        return typed;
    }
}
