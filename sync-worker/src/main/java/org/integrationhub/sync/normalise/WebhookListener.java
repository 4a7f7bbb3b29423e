package org.integrationhub.sync.normalise;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.TaskKey;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.Topics;
import org.integrationhub.events.WebhookReceived;
import org.integrationhub.support.kafka.EventPublisher;
import org.integrationhub.sync.failures.PoisonRecord;
import org.integrationhub.sync.failures.RecordValues;
import org.integrationhub.sync.stages.PipelineStages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The normalise stage: consumes {@code integration.webhook-deliveries} and publishes the task
 * observations each delivery carries to {@code integration.task-observations}, returning (and so
 * letting the container commit the offset) only after Kafka acknowledged them. An observation
 * keeps the delivery's idempotency key, so a delivery seen twice — a provider retry, a replay —
 * is applied once; its event id is derived from the delivery's, so it is stable too. Deliveries
 * without tasks are counted and skipped; unreadable ones go to the dead-letter topic at once.
 */
@Component
class WebhookListener {

    static final String ID = "normalise-webhooks";
    private static final Logger log = LoggerFactory.getLogger(WebhookListener.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final DeliveryObservations normaliser;
    private final EventPublisher publisher;
    private final MeterRegistry meters;
    private final PipelineStages stages;

    WebhookListener(DeliveryObservations normaliser, EventPublisher publisher, PipelineStages stages, MeterRegistry meters) {
        this.normaliser = normaliser;
        this.stages = stages;
        this.publisher = publisher;
        this.meters = meters;
    }

    @KafkaListener(id = ID, idIsGroup = false, groupId = "sync-worker.normalise",
            topics = "#{T(org.integrationhub.events.Topics).WEBHOOK_DELIVERIES.name()}")
    void onDelivery(ConsumerRecord<String, EventEnvelope<?>> record) {
        EventEnvelope<WebhookReceived> envelope = RecordValues.envelope(record, EventTypes.WEBHOOK_RECEIVED);
        WebhookReceived delivery = envelope.payload();
        DeliveryObservations.Normalised result;
        try {
            result = normaliser.of(envelope);
        } catch (WebhookNormaliser.Unreadable unreadable) {
            count(delivery, "unreadable");
            stages.failed(PipelineStages.Stage.NORMALISE, "delivery " + delivery.deliveryId() + ": " + unreadable.getMessage());
            throw new PoisonRecord("webhook delivery " + delivery.deliveryId() + " of connection " + delivery.connectionId()
                    + " cannot be normalised: " + unreadable.getMessage(), unreadable);
        }
        if (result.observations().isEmpty()) {
            count(delivery, "skipped");
            log.debug("Skipped delivery {} of connection {}: {}", delivery.deliveryId(), delivery.connectionId(), result.skipped());
            return;
        }
        for (EventEnvelope<TaskObserved> observed : result.observations()) {
            TaskObserved observation = observed.payload();
            publisher.publish(Topics.TASK_OBSERVATIONS, new TaskKey(envelope.orgId(), observation.system(), observation.externalId()),
                    observed).block(ACK_TIMEOUT);
        }
        count(delivery, "normalised");
    }

    private void count(WebhookReceived delivery, String outcome) {
        stages.handled(PipelineStages.Stage.NORMALISE, 1);
        meters.counter("sync.normalise.deliveries", "provider", delivery.provider().wireName(), "outcome", outcome).increment();
    }
}
