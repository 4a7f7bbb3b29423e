package org.integrationhub.sync.apply;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.TaskKey;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.sync.failures.ConsumerFailurePolicy;
import org.integrationhub.sync.failures.ConsumerSettings;
import org.integrationhub.sync.failures.DatabaseFailures;
import org.integrationhub.sync.failures.PoisonRecord;
import org.integrationhub.sync.failures.RecordValues;
import org.integrationhub.sync.stages.PipelineStages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code integration.task-observations} in batches. The valid records before the first
 * poison one are applied in one transaction; the listener returns only after that transaction
 * committed, and only then does the container commit the batch's offsets. A failure names the
 * record it stopped at ({@link BatchListenerFailedException}), so the failure policy commits what
 * was applied before it and retries (or dead-letters) from there.
 */
@Component
class ObservationListener {

    static final String ID = "apply-observations";
    private static final Logger log = LoggerFactory.getLogger(ObservationListener.class);

    private final ApplyStage stage;
    private final ConsumerSettings settings;
    private final MeterRegistry meters;
    private final PipelineStages stages;

    ObservationListener(ApplyStage stage, ConsumerSettings settings, PipelineStages stages, MeterRegistry meters) {
        this.stages = stages;
        this.stage = stage;
        this.settings = settings;
        this.meters = meters;
    }

    @KafkaListener(id = ID, idIsGroup = false, groupId = "sync-worker.apply",
            topics = "#{T(org.integrationhub.events.Topics).TASK_OBSERVATIONS.name()}",
            containerFactory = ConsumerFailurePolicy.BATCH_FACTORY)
    void onObservations(List<ConsumerRecord<String, EventEnvelope<?>>> records) {
        List<EventEnvelope<TaskObserved>> valid = new ArrayList<>(records.size());
        PoisonRecord poison = null;
        for (ConsumerRecord<String, EventEnvelope<?>> record : records) {
            try {
                valid.add(observationOf(record));
            } catch (PoisonRecord unusable) {
                poison = unusable;
                break;
            }
        }
        applyInOneTransaction(valid, 0);
        if (poison != null) {
            stages.failed(PipelineStages.Stage.APPLY, poison);
            log.warn("Record {}-{}@{} is poison and goes to the dead-letter topic: {}", records.get(valid.size()).topic(),
                    records.get(valid.size()).partition(), records.get(valid.size()).offset(), poison.getMessage());
            throw new BatchListenerFailedException(poison.getMessage(), poison, valid.size());
        }
    }

    private void applyInOneTransaction(List<EventEnvelope<TaskObserved>> observations, int firstIndex) {
        if (observations.isEmpty()) {
            return;
        }
        try {
            Map<ApplyStage.Outcome, Integer> outcomes = stage.apply(observations).block(settings.transactionTimeout());
            outcomes.forEach((outcome, count) -> meters.counter("sync.apply.observations",
                    "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment(count));
            stages.handled(PipelineStages.Stage.APPLY, observations.size());
        } catch (RuntimeException failure) {
            stages.failed(PipelineStages.Stage.APPLY, failure);
            if (DatabaseFailures.isUnavailable(failure)) {
                meters.counter("sync.consumer.database.unavailable", "listener", ID).increment();
                log.warn("Database unavailable; {} observation(s) stay uncommitted and are retried: {}", observations.size(),
                        failure.toString());
                throw new BatchListenerFailedException("database unavailable", new DatabaseFailures.DatabaseUnavailable(failure),
                        firstIndex);
            }
            if (observations.size() == 1) {
                throw new BatchListenerFailedException("observation could not be applied", failure, firstIndex);
            }
            // find the record at fault: apply one at a time, so those before it commit and it alone is retried
            for (int i = 0; i < observations.size(); i++) {
                applyInOneTransaction(List.of(observations.get(i)), firstIndex + i);
            }
        }
    }

    private static EventEnvelope<TaskObserved> observationOf(ConsumerRecord<String, EventEnvelope<?>> record) {
        EventEnvelope<TaskObserved> typed = RecordValues.envelope(record, EventTypes.TASK_OBSERVED);
        TaskObserved observed = typed.payload();
        TaskKey expected = new TaskKey(typed.orgId(), observed.system(), observed.externalId());
        if (record.key() == null || !expected.format().equals(record.key())) {
            throw new PoisonRecord("record key does not name the observed task of the envelope's organisation", null);
        }
        return typed;
    }
}
