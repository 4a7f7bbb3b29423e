package org.integrationhub.sync;

import java.util.Optional;
import org.integrationhub.testsupport.HubServiceContract;
import org.integrationhub.testsupport.RoundTrip;
import org.integrationhub.testsupport.SampleEvents;

/** sync-worker boots on real Kafka and Postgres, owns schema {@code sync} and publishes task observations. */
class SyncWorkerIT extends HubServiceContract {

    @Override
    protected Optional<String> ownSchema() {
        return Optional.of("sync");
    }

    @Override
    protected Optional<RoundTrip<?, ?>> roundTrip() {
        return Optional.of(SampleEvents.taskObserved());
    }
}
