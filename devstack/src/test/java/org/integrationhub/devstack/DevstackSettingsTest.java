package org.integrationhub.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The services' JVM options: fast start-up unless HUB_DEVSTACK_JVM_OPTIONS names others. */
class DevstackSettingsTest {

    @Test
    void servicesStartWithTheFastStartOptionsByDefault() {
        assertThat(DevstackSettings.jvmOptions(Map.of())).containsExactly("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(DevstackSettings.jvmOptions(Map.of("HUB_DEVSTACK_JVM_OPTIONS", "  "))).isEqualTo(DevstackSettings.FAST_START);
    }

    @Test
    void theEnvironmentReplacesTheOptions() {
        assertThat(DevstackSettings.jvmOptions(Map.of("HUB_DEVSTACK_JVM_OPTIONS", " -Xmx512m  -XX:+UseG1GC ")))
                .containsExactly("-Xmx512m", "-XX:+UseG1GC");
    }
}
