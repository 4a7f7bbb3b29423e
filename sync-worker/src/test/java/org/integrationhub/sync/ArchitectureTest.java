package org.integrationhub.sync;

import org.integrationhub.testsupport.ServiceBoundaryRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheServiceBoundaryRules() {
        ServiceBoundaryRules.check(SyncWorkerApplication.class);
    }
}
