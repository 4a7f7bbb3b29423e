package org.integrationhub.sandbox.github;

import org.integrationhub.sandbox.ProviderSandbox;
import org.integrationhub.sandbox.SandboxHarness;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The JVM's one embedded sandbox ({@link SandboxHarness}), reached over real HTTP. */
final class TestSandbox {

    private TestSandbox() {
    }

    static ProviderSandbox sandbox() {
        return SandboxHarness.sandbox();
    }

    static WebTestClient http() {
        return http(sandbox());
    }

    static WebTestClient http(ProviderSandbox target) {
        return WebTestClient.bindToServer().baseUrl(target.baseUrl())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build();
    }

    /** Clears faults, changed issues, webhook targets and attempts. */
    static void reset() {
        http().post().uri("/sandbox/reset").exchange().expectStatus().isNoContent();
    }
}
