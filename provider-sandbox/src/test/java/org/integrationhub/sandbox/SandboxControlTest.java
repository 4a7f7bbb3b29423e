package org.integrationhub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxControlTest {

    @Test
    void startsEmbeddedOnAFreePortWithItsOwnConfiguration() {
        assertThat(SandboxHarness.sandbox().port()).isPositive();
        assertThat(SandboxHarness.sandbox().settings().atlassian().clientId()).isEqualTo("sandbox-atlassian-client");
        SandboxHarness.http().get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void refusesAnUnknownProviderInControlCalls() {
        SandboxHarness.http().post().uri("/sandbox/faults/gitlab").bodyValue(Map.of()).exchange().expectStatus().isNotFound();
    }
}
