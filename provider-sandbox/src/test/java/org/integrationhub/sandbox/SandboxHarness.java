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
        return WebTestClient.bindToServer().baseUrl(sandbox().baseUrl())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }
}
