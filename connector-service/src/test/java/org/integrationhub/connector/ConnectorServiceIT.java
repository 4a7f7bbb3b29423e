package org.integrationhub.connector;

import java.util.Optional;
import org.integrationhub.testsupport.HubServiceContract;
import org.integrationhub.testsupport.RoundTrip;
import org.integrationhub.testsupport.SampleEvents;

/** connector-service boots on real Kafka and Postgres, owns schema {@code connector} and publishes sync requests. */
class ConnectorServiceIT extends HubServiceContract {

    @Override
    protected Optional<String> ownSchema() {
        return Optional.of("connector");
    }

    @Override
    protected Optional<RoundTrip<?, ?>> roundTrip() {
        return Optional.of(SampleEvents.syncRequested());
    }
}
