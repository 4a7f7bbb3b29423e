package org.integrationhub.gateway;

import org.integrationhub.testsupport.ServiceBoundaryRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheServiceBoundaryRules() {
        ServiceBoundaryRules.check(GatewayApplication.class);
    }
}
