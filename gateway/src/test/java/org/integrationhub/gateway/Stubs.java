package org.integrationhub.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

/** One stub per service, shared by the gateway's integration tests of this JVM. */
final class Stubs {

    static final DownstreamStub AUTH = DownstreamStub.start("auth-service");
    static final DownstreamStub CONNECTOR = DownstreamStub.start("connector-service");
    static final DownstreamStub WEBHOOKS = DownstreamStub.start("webhook-ingest");
    static final DownstreamStub TASKS = DownstreamStub.start("sync-worker");
    static final DownstreamStub MAPPINGS = DownstreamStub.start("mapping-service");

    /** A public test key; 32 bytes, base64. */
    static final String SESSION_KEY = "dGVzdC1vbmx5LWdhdGV3YXktc2Vzc2lvbi1rZXktMzI=";

    private Stubs() {
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("hub.gateway.services.auth", () -> AUTH.uri().toString());
        registry.add("hub.gateway.services.connector", () -> CONNECTOR.uri().toString());
        registry.add("hub.gateway.services.webhooks", () -> WEBHOOKS.uri().toString());
        registry.add("hub.gateway.services.tasks", () -> TASKS.uri().toString());
        registry.add("hub.gateway.services.mappings", () -> MAPPINGS.uri().toString());
        registry.add("hub.gateway.session.keys[0].id", () -> "test");
        registry.add("hub.gateway.session.keys[0].secret", () -> SESSION_KEY);
        registry.add("hub.gateway.timeouts.response", () -> "2s");
        // the tests sign in far more often than a person; SignInLimitIT tests the limit
        registry.add("hub.gateway.sign-in-limit.attempts", () -> "10000");
    }

    static void resetAll() {
        for (DownstreamStub stub : new DownstreamStub[] {AUTH, CONNECTOR, WEBHOOKS, TASKS, MAPPINGS}) {
            stub.reset();
        }
    }
}
