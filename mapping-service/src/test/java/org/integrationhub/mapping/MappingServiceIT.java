package org.integrationhub.mapping;

import java.util.Optional;
import org.integrationhub.testsupport.HubServiceContract;
import org.integrationhub.testsupport.RoundTrip;
import org.integrationhub.testsupport.SampleEvents;

/** mapping-service boots on real Kafka and Postgres, owns schema {@code mapping} and publishes user mappings. */
class MappingServiceIT extends HubServiceContract {

    @Override
    protected Optional<String> ownSchema() {
        return Optional.of("mapping");
    }

    @Override
    protected Optional<RoundTrip<?, ?>> roundTrip() {
        return Optional.of(SampleEvents.userMappingChanged());
    }
}
