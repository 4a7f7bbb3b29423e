package org.integrationhub.sync.normalise;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.WebhookReceived;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The task observations of one webhook delivery, as envelopes ready to apply: normalised by the
 * current rules, each keeping the delivery's idempotency key (one key per item when a delivery
 * carries several) and an event id derived from the delivery's. The live normalise stage and a
 * replay of the deliveries (ADR 0017) build them here, so both produce the same envelopes.
 */
@Component
@EnableConfigurationProperties(NormaliseSettings.class)
public class DeliveryObservations {

    /** The envelopes of a delivery, or why it has none ({@code skipped}). */
    public record Normalised(List<EventEnvelope<TaskObserved>> observations, String skipped) {
    }

    private final WebhookNormaliser normaliser;
    private final Clock clock;

    public DeliveryObservations(NormaliseSettings rules, Clock clock) {
        this.normaliser = new WebhookNormaliser(rules);
        this.clock = clock;
    }

    /** @throws WebhookNormaliser.Unreadable when the body is not what the provider sends */
    public Normalised of(EventEnvelope<WebhookReceived> delivery) {
        WebhookNormaliser.Result result = normaliser.normalise(delivery.payload());
        List<EventEnvelope<TaskObserved>> envelopes = result.observations().stream()
                .map(observation -> EventEnvelope.of(stableEventId(delivery, observation), EventTypes.TASK_OBSERVED, delivery.orgId(),
                        result.observations().size() == 1 ? delivery.idempotencyKey() : delivery.idempotencyKey() + ":" + observation.externalId(),
                        observation, clock))
                .toList();
        return new Normalised(envelopes, result.skipped());
    }

    private static UUID stableEventId(EventEnvelope<WebhookReceived> delivery, TaskObserved observation) {
        return UUID.nameUUIDFromBytes((delivery.eventId() + ":" + observation.externalId()).getBytes(StandardCharsets.UTF_8));
    }
}
