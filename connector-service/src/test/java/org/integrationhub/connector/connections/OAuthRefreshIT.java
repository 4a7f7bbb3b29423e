package org.integrationhub.connector.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.connector.ConnectorApi.read;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.integrationhub.connector.ConnectorApi;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.Topics;
import org.integrationhub.sandbox.ProviderSandbox;
import org.integrationhub.sandbox.oauth.Provider;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.KafkaProbe;
import org.integrationhub.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Refresh of OAuth tokens: on demand through the credentials endpoint, single-flight across two
 * instances of the service; on a schedule; a dead refresh token turns the connection revoked until
 * it is authorised again; a provider that does not answer leaves the tokens alone.
 */
@HubIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OAuthRefreshIT {

    private static final String CLOUD_ID = "11223344-aaaa-bbbb-cccc-1234567890ab";

    @LocalServerPort
    int port;

    @Autowired
    OAuthRefreshScheduler scheduler;

    @Autowired
    JiraWebhookRegistrations webhooks;

    private final OrgId organisation = OrgId.random();

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        OAuthFlow.sandboxProperties(registry);
    }

    private ConnectorApi api() {
        return new ConnectorApi(port);
    }

    /** Ages the stored access token so that it expires within the refresh margin (it still works at the sandbox). */
    private static void expiresSoon(String id) throws Exception {
        assertThat(OAuthFlow.sql("update connector.connections set token_expiry = now() + interval '1 minute' where id = ?",
                UUID.fromString(id))).isEqualTo(1);
    }

    private static int refreshes() {
        return ConnectorApi.SANDBOX.oauth().refreshCount(Provider.ATLASSIAN);
    }

    private String credentials(int atPort, String id) {
        return read(new ConnectorApi(atPort).asService("sync-worker", "credentials:read").get()
                .uri("/internal/connections/" + id + "/credentials").exchange().expectStatus().isOk(), "$.data.authorization");
    }

    @Test
    void twentyConcurrentCredentialRequestsOverTwoInstancesRefreshOnce(CapturedOutput output) throws Exception {
        String id = new OAuthFlow(port).connected(organisation, "jira");
        String before = credentials(port, id);
        expiresSoon(id);
        int refreshesBefore = refreshes();

        try (var second = OAuthFlow.secondInstance()) {
            int secondPort = OAuthFlow.portOf(second);
            String token = TestTokens.shared().service("sync-worker", "credentials:read");
            List<String> answers = Flux.range(0, 20)
                    .flatMap(i -> WebClient.create("http://localhost:" + (i % 2 == 0 ? port : secondPort)).get()
                            .uri("/internal/connections/" + id + "/credentials").headers(h -> h.setBearerAuth(token))
                            .exchangeToMono(response -> response.bodyToMono(String.class)
                                    .map(body -> response.statusCode().value() + " " + body)), 20)
                    .collectList()
                    .block(Duration.ofSeconds(60));

            assertThat(answers).hasSize(20).allSatisfy(answer -> assertThat(answer).startsWith("200 "));
            List<String> authorizations = answers.stream()
                    .map(answer -> (String) com.jayway.jsonpath.JsonPath.read(answer.substring(4), "$.data.authorization"))
                    .distinct().toList();
            assertThat(authorizations).as("everybody got the one refreshed token").hasSize(1).doesNotContain(before);
            assertThat(refreshes() - refreshesBefore).as("refreshes at the sandbox").isEqualTo(1);

            var myself = WebClient.create().get()
                    .uri(ConnectorApi.SANDBOX.baseUrl() + "/atlassian/api/ex/jira/" + CLOUD_ID + "/rest/api/3/myself")
                    .header("Authorization", authorizations.get(0)).retrieve().toBodilessEntity().block();
            assertThat(myself.getStatusCode().value()).isEqualTo(200);
            assertThat(output.getAll()).doesNotContain(authorizations.get(0).substring(7)).doesNotContain(before.substring(7))
                    .doesNotContainPattern("atlr_[A-Za-z0-9_-]{20,}").doesNotContain("invalid_grant");
        }
        api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange().expectBody()
                .jsonPath("$.data.status").isEqualTo("active").jsonPath("$.data.errorCount").isEqualTo(0);
    }

    @Test
    void aRevokedRefreshTokenTurnsTheConnectionRevokedUntilItIsAuthorisedAgain() throws Exception {
        OAuthFlow flow = new OAuthFlow(port);
        String id = flow.connected(organisation, "jira");
        expiresSoon(id);
        ConnectorApi.SANDBOX.oauth().revokeRefreshTokens(Provider.ATLASSIAN);

        try (var probe = KafkaProbe.on(Topics.CONNECTIONS)) {
            api().asService("sync-worker", "credentials:read").get().uri("/internal/connections/" + id + "/credentials").exchange()
                    .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("connection_revoked");
            assertThat(probe.awaitMatching(r -> ConnectionId.of(UUID.fromString(id)).equals(r.key())
                    && "revoked".equals(r.envelope().payload().status()), 1, Duration.ofSeconds(20)))
                    .as("the revoked status is announced on integration.connections").hasSize(1)
                    .allSatisfy(r -> assertThat(r.envelope().payload().siteUrl()).as("the site a person browses, besides the API")
                            .isEqualTo(ConnectorApi.SANDBOX.baseUrl() + "/atlassian/site/acme"));
        }
        api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange().expectBody()
                .jsonPath("$.data.status").isEqualTo("revoked")
                .jsonPath("$.data.errorCount").isEqualTo(1)
                .jsonPath("$.data.lastError").value(String.class, error -> assertThat(error).contains("invalid_grant"));
        int refreshesBefore = refreshes();
        api().asService("sync-worker", "credentials:read").get().uri("/internal/connections/" + id + "/credentials").exchange()
                .expectStatus().isEqualTo(409);
        assertThat(refreshes()).as("a revoked connection is not refreshed again").isEqualTo(refreshesBefore);

        assertThat(flow.connected(organisation, "jira")).isEqualTo(id);
        api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange().expectBody()
                .jsonPath("$.data.status").isEqualTo("active").jsonPath("$.data.errorCount").isEqualTo(0)
                .jsonPath("$.data.lastError").doesNotExist();
        assertThat(credentials(port, id)).startsWith("Bearer atl_");
    }

    @Test
    void theScheduleRefreshesTokensAboutToExpire() throws Exception {
        String id = new OAuthFlow(port).connected(organisation, "jira");
        String before = OAuthFlow.stored("refresh_token", id);
        expiresSoon(id);

        assertThat(scheduler.refreshExpiring().collectList().block(Duration.ofSeconds(30)))
                .extracting(Object::toString).contains(id);

        assertThat(OAuthFlow.stored("refresh_token", id)).as("the rotated refresh token is stored").isNotEqualTo(before);
        Instant expiry = Instant.parse(read(api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange(),
                "$.data.tokenExpiry"));
        assertThat(expiry).isAfter(Instant.now().plus(Duration.ofMinutes(30)));
        assertThat(scheduler.refreshExpiring().collectList().block(Duration.ofSeconds(30))).extracting(Object::toString)
                .doesNotContain(id);
    }

    @Test
    void aJiraWebhookIsRefreshedBeforeItsThirtyDaysRunOut() throws Exception {
        String id = new OAuthFlow(port).connected(organisation, "jira");
        String authorization = credentials(port, id);
        long registeredUntil = ((Number) OAuthFlow.jiraWebhooksOf(id, authorization).get(0).get("expirationDate")).longValue();
        assertThat(webhooks.ensureDue().collectList().block(Duration.ofSeconds(30))).as("not due yet")
                .extracting(Object::toString).doesNotContain(id);

        OAuthFlow.sql("update connector.connections set jira_webhook_expires_at = now() + interval '2 days' where id = ?",
                UUID.fromString(id));
        assertThat(webhooks.ensureDue().collectList().block(Duration.ofSeconds(30))).extracting(Object::toString).contains(id);

        var after = OAuthFlow.jiraWebhooksOf(id, authorization);
        assertThat(after).as("refreshed, not registered again").hasSize(1);
        assertThat(((Number) after.get(0).get("expirationDate")).longValue()).isGreaterThanOrEqualTo(registeredUntil);
        assertThat(OAuthFlow.stored("jira_webhook_expires_at > now() + interval '29 days'", id)).isEqualTo("t");
    }

    @Test
    void aRefusedRefreshThatIsNotARevocationMarksTheConnectionErrorAndKeepsTheTokens() throws Exception {
        String id = new OAuthFlow(port).connected(organisation, "jira");
        String before = credentials(port, id);
        String storedRefresh = OAuthFlow.stored("refresh_token", id);
        expiresSoon(id);

        long revision = Long.parseLong(read(api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange(), "$.data.revision"));

        try (var misconfigured = OAuthFlow.secondInstance("hub.connector.oauth.providers.jira.client-secret=not-the-secret")) {
            assertThat(credentials(OAuthFlow.portOf(misconfigured), id)).as("the still valid token").isEqualTo(before);
            assertThat(credentials(OAuthFlow.portOf(misconfigured), id)).isEqualTo(before);
        }
        api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange().expectBody()
                .jsonPath("$.data.status").isEqualTo("error").jsonPath("$.data.errorCount").isEqualTo(2)
                .jsonPath("$.data.revision").isEqualTo((int) revision + 1)
                .jsonPath("$.data.lastError").value(String.class, error -> assertThat(error).contains("invalid_client"));
        assertThat(OAuthFlow.stored("refresh_token", id)).isEqualTo(storedRefresh);

        assertThat(credentials(port, id)).as("the right client refreshes").isNotEqualTo(before);
        api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange().expectBody()
                .jsonPath("$.data.status").isEqualTo("active").jsonPath("$.data.errorCount").isEqualTo(0);
    }

    @Test
    void aProviderEntryWithoutRefreshNeverRefreshesAndItsExpiredTokenExpiresTheConnection() throws Exception {
        String id = new OAuthFlow(port).connected(organisation, "jira");
        String before = credentials(port, id);
        expiresSoon(id);
        int refreshesBefore = refreshes();

        try (var noRefresh = OAuthFlow.secondInstance("hub.connector.oauth.providers.jira.refresh=none")) {
            assertThat(credentials(OAuthFlow.portOf(noRefresh), id)).isEqualTo(before);

            OAuthFlow.sql("update connector.connections set token_expiry = now() - interval '1 second' where id = ?", UUID.fromString(id));
            new ConnectorApi(OAuthFlow.portOf(noRefresh)).asService("sync-worker", "credentials:read").get()
                    .uri("/internal/connections/" + id + "/credentials").exchange()
                    .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("connection_expired");
        }
        assertThat(refreshes()).isEqualTo(refreshesBefore);
        api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange().expectBody()
                .jsonPath("$.data.status").isEqualTo("expired").jsonPath("$.data.errorCount").isEqualTo(1);
        api().asService("sync-worker", "credentials:read").get().uri("/internal/connections/" + id + "/credentials").exchange()
                .expectStatus().isEqualTo(409);
        assertThat(refreshes()).as("an expired connection waits for a new authorisation").isEqualTo(refreshesBefore);
        new OAuthFlow(port).connected(organisation, "jira");
        api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange().expectBody()
                .jsonPath("$.data.status").isEqualTo("active");
    }

    @Test
    void slacksOkFalseOnRefreshTurnsTheConnectionRevoked() throws Exception {
        String id = new OAuthFlow(port).connected(organisation, "slack");
        expiresSoon(id);
        ConnectorApi.SANDBOX.oauth().revokeRefreshTokens(Provider.SLACK);

        api().asService("sync-worker", "credentials:read").get().uri("/internal/connections/" + id + "/credentials").exchange()
                .expectStatus().isEqualTo(409);
        api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange().expectBody()
                .jsonPath("$.data.status").isEqualTo("revoked")
                .jsonPath("$.data.lastError").value(String.class, error -> assertThat(error).contains("invalid_refresh_token"));
    }

    @Test
    void gitHubAppTokensRefreshAndAnHttp200BadRefreshTokenRevokes() throws Exception {
        try (var expiring = ProviderSandbox.start(0, "sandbox.github.expiring-tokens=true");
                var instance = OAuthFlow.secondInstance(
                        "hub.connector.oauth.providers.github.authorization-uri=" + expiring.baseUrl() + "/github/web/login/oauth/authorize",
                        "hub.connector.oauth.providers.github.token-uri=" + expiring.baseUrl() + "/github/web/login/oauth/access_token",
                        "hub.connector.oauth.providers.github.api-base-url=" + expiring.baseUrl() + "/github/api")) {
            int instancePort = OAuthFlow.portOf(instance);
            String id = new OAuthFlow(instancePort).connected(organisation, "github");
            String before = credentials(instancePort, id);
            assertThat(OAuthFlow.stored("token_expiry", id)).as("GitHub App user tokens expire").isNotNull();
            expiresSoon(id);

            String after = credentials(instancePort, id);
            assertThat(after).startsWith("Bearer gho_").isNotEqualTo(before);
            assertThat(expiring.oauth().refreshCount(Provider.GITHUB)).isEqualTo(1);

            expiresSoon(id);
            expiring.oauth().revokeRefreshTokens(Provider.GITHUB);
            new ConnectorApi(instancePort).asService("sync-worker", "credentials:read").get()
                    .uri("/internal/connections/" + id + "/credentials").exchange().expectStatus().isEqualTo(409);
            assertThat(OAuthFlow.stored("status", id)).isEqualTo("revoked");
            assertThat(OAuthFlow.stored("last_error", id)).contains("bad_refresh_token");
        }
    }

    @Test
    void slackRotatesItsBotTokenThroughOauthV2Access(CapturedOutput output) throws Exception {
        String id = new OAuthFlow(port).connected(organisation, "slack");
        String before = credentials(port, id);
        expiresSoon(id);
        int slackRefreshes = ConnectorApi.SANDBOX.oauth().refreshCount(Provider.SLACK);

        String after = credentials(port, id);

        assertThat(after).startsWith("Bearer xoxb-").isNotEqualTo(before);
        assertThat(ConnectorApi.SANDBOX.oauth().refreshCount(Provider.SLACK) - slackRefreshes).isEqualTo(1);
        assertThat(credentials(port, id)).as("fresh now, no second refresh").isEqualTo(after);
        assertThat(output.getAll()).doesNotContain(after.substring(7)).doesNotContainPattern("xoxe-1-[A-Za-z0-9_-]{20,}");
    }

    @Test
    void aProviderThatDoesNotAnswerLeavesTheTokensAlone() throws Exception {
        String id = new OAuthFlow(port).connected(organisation, "jira");
        String before = credentials(port, id);
        String storedRefresh = OAuthFlow.stored("refresh_token", id);
        expiresSoon(id);

        try (var unreachable = OAuthFlow.secondInstance("hub.connector.oauth.providers.jira.token-uri=http://localhost:9/oauth/token")) {
            assertThat(credentials(OAuthFlow.portOf(unreachable), id)).as("the still valid token").isEqualTo(before);
            OAuthFlow.sql("update connector.connections set token_expiry = now() - interval '1 second' where id = ?", UUID.fromString(id));
            new ConnectorApi(OAuthFlow.portOf(unreachable)).asService("sync-worker", "credentials:read").get()
                    .uri("/internal/connections/" + id + "/credentials").exchange()
                    .expectStatus().isEqualTo(503).expectBody().jsonPath("$.code").isEqualTo("provider_unavailable");
        }
        assertThat(OAuthFlow.stored("refresh_token", id)).isEqualTo(storedRefresh);
        assertThat(OAuthFlow.stored("status", id)).isEqualTo("active");
        assertThat(OAuthFlow.stored("last_error", id)).contains("did not answer");

        assertThat(credentials(port, id)).as("refreshed once the provider answers again").isNotEqualTo(before);
    }
}
