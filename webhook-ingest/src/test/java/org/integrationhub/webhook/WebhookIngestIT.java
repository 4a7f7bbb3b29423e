package org.integrationhub.webhook;

import java.util.Optional;
import org.integrationhub.testsupport.HubServiceContract;
import org.integrationhub.testsupport.RoundTrip;
import org.integrationhub.testsupport.SampleEvents;

/** webhook-ingest boots on real Kafka and publishes webhook deliveries; it keeps nothing durable, so it has no schema. */
class WebhookIngestIT extends HubServiceContract {

    @Override
    protected Optional<String> ownSchema() {
        return Optional.empty();
    }

    @Override
    protected Optional<RoundTrip<?, ?>> roundTrip() {
        return Optional.of(SampleEvents.webhookReceived());
    }
}
