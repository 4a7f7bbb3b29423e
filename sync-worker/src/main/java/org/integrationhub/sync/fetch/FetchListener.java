package org.integrationhub.sync.fetch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.SyncRequested;
import org.integrationhub.sync.failures.PoisonRecord;
import org.integrationhub.sync.failures.RecordValues;
import org.integrationhub.sync.stages.PipelineStages;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The fetch stage's consumer of {@code integration.sync-requests}: one request at a time (a sync of
 * a large site takes minutes, so the poll interval allows for it); the offset is committed once the
 * sync has finished, so a crash re-runs it — from the saved cursor, publishing nothing twice that
 * the apply stage would not recognise.
 */
@Component
class FetchListener {

    static final String ID = "fetch-sync-requests";

    private final FetchStage stage;
    private final PipelineStages stages;

    FetchListener(FetchStage stage, PipelineStages stages) {
        this.stage = stage;
        this.stages = stages;
    }

    @KafkaListener(id = ID, idIsGroup = false, groupId = "sync-worker.fetch",
            topics = "#{T(org.integrationhub.events.Topics).SYNC_REQUESTS.name()}",
            properties = {"max.poll.records=1", "max.poll.interval.ms=3600000"})
    void onSyncRequested(ConsumerRecord<String, EventEnvelope<?>> record) {
        EventEnvelope<SyncRequested> envelope = RecordValues.envelope(record, EventTypes.SYNC_REQUESTED);
        if (!envelope.payload().connectionId().toString().equals(record.key())) {
            throw new PoisonRecord("the record key is not the requested connection", null);
        }
        stages.syncing(() -> stage.run(envelope.orgId(), envelope.payload()));
    }
}
