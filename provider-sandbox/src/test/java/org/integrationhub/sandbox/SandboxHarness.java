package org.integrationhub.sandbox;

import org.springframework.test.web.reactive.server.WebTestClient;

/** One sandbox per test JVM, reached over real HTTP like any provider client would. */
public final class SandboxHarness {

    private static ProviderSandbox sandbox;

    private SandboxHarness() {
    }

    public static synchronized ProviderSandbox sandbox() {
        if (sandbox == null) {
            sandbox = ProviderSandbox.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-stop"));
        }
        return sandbox;
    }

    public static WebTestClient http() {
        return http(sandbox());
    }

    /** A client of {@code target}, e.g. a sandbox a test started with settings of its own. */
    public static WebTestClient http(ProviderSandbox target) {
        return WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl(target.baseUrl())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build();
    }

    /** Clears faults, changed issues, webhook targets and attempts. */
    public static void reset() {
        http().post().uri("/sandbox/reset").exchange().expectStatus().isNoContent();
    }
}
