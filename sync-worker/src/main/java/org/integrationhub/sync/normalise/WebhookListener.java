package org.integrationhub.sync.normalise;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.TaskKey;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.Topics;
import org.integrationhub.events.WebhookReceived;
import org.integrationhub.support.kafka.EventPublisher;
import org.integrationhub.sync.failures.ConsumerFailurePolicy;
import org.integrationhub.sync.failures.PoisonRecord;
import org.integrationhub.sync.failures.RecordValues;
import org.integrationhub.sync.stages.PipelineStages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The normalise stage: consumes {@code integration.webhook-deliveries} in batches and publishes the
 * task observations each delivery carries to {@code integration.task-observations}, returning (and
 * so letting the container commit the offsets) only after Kafka acknowledged all of them. The
 * batch's observations are sent in offset order without waiting for each acknowledgement, so a
 * batch costs one round trip to the broker, not one per delivery; the producer keeps their order
 * per partition. An observation keeps the delivery's idempotency key, so a delivery seen twice —
 * a provider retry, a replay, a batch retried after a failure — is applied once; its event id is
 * derived from the delivery's, so it is stable too. Deliveries without tasks are counted and
 * skipped; an unreadable one goes to the dead-letter topic at once, after the deliveries before it
 * were published ({@link BatchListenerFailedException} names it).
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
            topics = "#{T(org.integrationhub.events.Topics).WEBHOOK_DELIVERIES.name()}",
            containerFactory = ConsumerFailurePolicy.BATCH_FACTORY)
    void onDeliveries(List<ConsumerRecord<String, EventEnvelope<?>>> records) {
        List<EventEnvelope<TaskObserved>> observations = new ArrayList<>();
        List<WebhookReceived> normalised = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            try {
                normalise(records.get(index), observations, normalised);
            } catch (PoisonRecord poison) {
                publishFirst(observations, normalised);
                ConsumerRecord<String, EventEnvelope<?>> record = records.get(index);
                log.warn("Record {}-{}@{} is poison and goes to the dead-letter topic: {}", record.topic(), record.partition(),
                        record.offset(), poison.getMessage());
                throw new BatchListenerFailedException(poison.getMessage(), poison, index);
            }
        }
        publishFirst(observations, normalised);
    }

    /** A batch whose observations Kafka did not acknowledge is retried from its first record, as the failure policy says. */
    private void publishFirst(List<EventEnvelope<TaskObserved>> observations, List<WebhookReceived> deliveries) {
        try {
            publish(observations, deliveries);
        } catch (RuntimeException notAcknowledged) {
            stages.failed(PipelineStages.Stage.NORMALISE, notAcknowledged);
            throw new BatchListenerFailedException("observations not acknowledged by Kafka", notAcknowledged, 0);
        }
    }

    /** Adds the delivery's observations to {@code observations}; a delivery without tasks is counted skipped. */
    private void normalise(ConsumerRecord<String, EventEnvelope<?>> record, List<EventEnvelope<TaskObserved>> observations,
            List<WebhookReceived> normalised) {
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
        observations.addAll(result.observations());
        normalised.add(delivery);
    }

    /** Sends the observations in order, waits for every acknowledgement, then counts their deliveries normalised. */
    private void publish(List<EventEnvelope<TaskObserved>> observations, List<WebhookReceived> deliveries) {
        Flux.fromIterable(observations)
                .flatMapSequential(observed -> publisher.publish(Topics.TASK_OBSERVATIONS,
                        new TaskKey(observed.orgId(), observed.payload().system(), observed.payload().externalId()), observed),
                        Math.max(1, observations.size()))
                .then()
                .block(ACK_TIMEOUT);
        deliveries.forEach(delivery -> count(delivery, "normalised"));
    }

    private void count(WebhookReceived delivery, String outcome) {
        stages.handled(PipelineStages.Stage.NORMALISE, 1);
        meters.counter("sync.normalise.deliveries", "provider", delivery.provider().wireName(), "outcome", outcome).increment();
    }
}
