package org.integrationhub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway in front of real HTTP stubs of the services: routing, request ids, headers, limits, raw webhooks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        Stubs.register(registry);
    }

    @BeforeEach
    void resetStubs() {
        Stubs.resetAll();
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    private static DownstreamStub stub(String service) {
        return switch (service) {
            case "auth" -> Stubs.AUTH;
            case "connector" -> Stubs.CONNECTOR;
            case "webhooks" -> Stubs.WEBHOOKS;
            case "tasks" -> Stubs.TASKS;
            case "mappings" -> Stubs.MAPPINGS;
            default -> throw new IllegalArgumentException(service);
        };
    }

    @ParameterizedTest
    @CsvSource({
            "/api/auth/me, auth",
            "/api/integrations, connector",
            "/api/integrations/7/sync-runs, connector",
            "/api/oauth/jira/callback?code=c&state=s, connector",
            "/webhooks/jira/6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f, webhooks",
            "/api/webhooks/stats, webhooks",
            "/api/external-tasks?size=2, tasks",
            "/api/external-tasks/42, tasks",
            "/api/ops/lag, tasks",
            "/api/external-user-mappings, mappings"})
    void routesEachPathToItsService(String path, String service) {
        http().get().uri(path).exchange().expectStatus().isOk();

        assertThat(stub(service).received()).as(path + " reaches " + service).hasSize(1);
        assertThat(stub(service).last().pathAndQuery()).isEqualTo(path);
        assertThat(Stubs.AUTH.received().size() + Stubs.CONNECTOR.received().size() + Stubs.WEBHOOKS.received().size()
                + Stubs.TASKS.received().size() + Stubs.MAPPINGS.received().size()).as("no other service is called").isEqualTo(1);
    }

    @Test
    void answersNotFoundForPathsNoServiceOwns() {
        http().get().uri("/api/nothing-here").exchange().expectStatus().isNotFound();
        assertThat(Stubs.AUTH.received()).isEmpty();
    }

    @Test
    void passesAScriptsOwnBearerTokenAndBodyWithoutCsrf() {
        String body = "{\"type\":\"jira\",\"auth\":\"api_token\"}";
        http().post().uri("/api/integrations").headers(h -> h.setBearerAuth("script-token"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk();

        assertThat(Stubs.CONNECTOR.last().header("Authorization")).isEqualTo("Bearer script-token");
        assertThat(Stubs.CONNECTOR.last().bodyText()).isEqualTo(body);
    }

    @Test
    void givesEveryRequestAnIdPropagatedDownstreamAndEchoed() {
        String echoed = http().get().uri("/api/external-tasks").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(echoed).isNotBlank();
        assertThat(Stubs.TASKS.last().header("X-Request-Id")).isEqualTo(echoed);
    }

    @Test
    void keepsTheCallersRequestIdAndReplacesAnImplausibleOne() {
        http().get().uri("/api/external-user-mappings").header("X-Request-Id", "trace-4711").exchange()
                .expectStatus().isOk().expectHeader().valueEquals("X-Request-Id", "trace-4711");
        assertThat(Stubs.MAPPINGS.last().header("X-Request-Id")).isEqualTo("trace-4711");

        String replaced = http().get().uri("/api/external-user-mappings").header("X-Request-Id", "bad id <script>").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        assertThat(replaced).isNotEqualTo("bad id <script>").matches("[0-9a-f-]{36}");
    }

    @Test
    void passesWebhookBodiesAndTheirSignatureHeadersThroughByteForByte() {
        byte[] body = "{ \"webhookEvent\" : \"jira:issue_updated\",\r\n  \"issue\": {\"key\": \"PROJ-1\", \"summary\": \"Grüße – 🚀\"}  }\n\n"
                .getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=8d3c1a5f0e6b4c2d9a7f1e3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d";
        String providerJwt = "JWT eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqaXJhIn0.c2lnbmF0dXJl";

        http().post().uri("/webhooks/jira/6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f")
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Hub-Signature", signature)
                .header("X-Atlassian-Webhook-Identifier", "delivery-1")
                .header("Authorization", providerJwt)
                .bodyValue(body).exchange()
                .expectStatus().isOk();

        DownstreamStub.Received delivery = Stubs.WEBHOOKS.last();
        assertThat(delivery.body()).as("the raw body, byte for byte").isEqualTo(body);
        assertThat(delivery.header("X-Hub-Signature")).isEqualTo(signature);
        assertThat(delivery.header("X-Atlassian-Webhook-Identifier")).isEqualTo("delivery-1");
        assertThat(delivery.header("Authorization")).as("the provider's own Authorization header").isEqualTo(providerJwt);
        assertThat(delivery.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void passesFormEncodedWebhooksThroughUnreadAndUntouched() {
        byte[] body = "payload=%7B%22action%22%3A%22opened%22%2C%22issue%22%3A%7B%22number%22%3A1%7D%7D&token=a+b%21"
                .getBytes(StandardCharsets.US_ASCII);

        http().post().uri("/webhooks/slack/6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")
                .header("X-Slack-Request-Timestamp", "1763806530")
                .bodyValue(body).exchange()
                .expectStatus().isOk();

        DownstreamStub.Received delivery = Stubs.WEBHOOKS.last();
        assertThat(delivery.body()).isEqualTo(body);
        assertThat(delivery.header("X-Slack-Signature")).isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
        assertThat(delivery.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void setsSecurityHeadersOnPagesAndOnServiceAnswers() {
        for (String path : new String[] {"/ui/login", "/api/external-tasks"}) {
            http().get().uri(path).exchange()
                    .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                            .contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'self'",
                                    "form-action 'self' https://auth.atlassian.com https://github.com https://slack.com;")
                            .doesNotContain("unsafe-inline", "unsafe-eval"))
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin");
        }
    }

    @Test
    void refusesBodiesOverTheLimitBeforeAnyServiceSeesThem() {
        byte[] tooLarge = new byte[1024 * 1024 + 1];
        http().post().uri("/webhooks/github/6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tooLarge).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("payload_too_large");
        assertThat(Stubs.WEBHOOKS.received()).isEmpty();
    }

    @Test
    void answersGatewayTimeoutWhenAServiceIsTooSlow() {
        Stubs.TASKS.answerSlowly("GET /api/external-tasks/slow", Duration.ofSeconds(5));

        http().get().uri("/api/external-tasks/slow").exchange().expectStatus().isEqualTo(504);
    }

    @Test
    void servesHtmxFromItsWebjar() {
        http().get().uri("/webjars/htmx.org/dist/htmx.min.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("htmx"));
    }

    @Test
    void reportsHealthUp() {
        http().get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
