package org.integrationhub.connector.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.connector.ConnectorApi.read;

import java.util.Map;
import java.util.UUID;
import org.integrationhub.connector.ConnectorApi;
import org.integrationhub.events.OrgId;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Authorize → provider → callback → connection, for Jira and Confluence (Atlassian 3LO with PKCE),
 * GitHub and Slack against the provider sandbox; and every way a callback is refused with nothing
 * stored.
 */
@HubIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OAuthConnectionsIT {

    private static final String CLOUD_ID = "11223344-aaaa-bbbb-cccc-1234567890ab";

    @LocalServerPort
    int port;

    private final OrgId organisation = OrgId.random();

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        OAuthFlow.sandboxProperties(registry);
    }

    private OAuthFlow flow() {
        return new OAuthFlow(port);
    }

    private ConnectorApi api() {
        return new ConnectorApi(port);
    }

    @Test
    void asksAtlassianForConsentWithAudiencePkceAndTheExactRedirectUri() {
        var query = OAuthFlow.query(java.net.URI.create(flow().authorizationUrl(organisation, "jira")));
        assertThat(query).containsEntry("audience", "api.atlassian.com").containsEntry("prompt", "consent")
                .containsEntry("response_type", "code").containsEntry("client_id", "sandbox-atlassian-client")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "http://localhost:8082/api/oauth/callback/jira")
                .containsEntry("scope", "read:jira-work read:jira-user manage:jira-webhook offline_access")
                .containsKeys("state", "code_challenge");
    }

    @Test
    void connectsJiraThroughAtlassian3loAndHandsOutAWorkingBearerToken(CapturedOutput output) throws Exception {
        String id = flow().connected(organisation, "jira");

        api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.type").isEqualTo("jira")
                .jsonPath("$.data.auth").isEqualTo("oauth")
                .jsonPath("$.data.status").isEqualTo("active")
                .jsonPath("$.data.baseUrl").isEqualTo(ConnectorApi.SANDBOX.baseUrl() + "/atlassian/api/ex/jira/" + CLOUD_ID)
                .jsonPath("$.data.siteUrl").isEqualTo(ConnectorApi.SANDBOX.baseUrl() + "/atlassian/site/acme")
                .jsonPath("$.data.externalAccount.id").isNotEmpty()
                .jsonPath("$.data.tokenExpiry").isNotEmpty();

        String credentials = new String(api().asService("sync-worker", "credentials:read").get()
                .uri("/internal/connections/" + id + "/credentials").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody().returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        String authorization = com.jayway.jsonpath.JsonPath.read(credentials, "$.data.authorization");
        assertThat(authorization).startsWith("Bearer atl_");
        assertThat((String) com.jayway.jsonpath.JsonPath.read(credentials, "$.data.expiresAt")).isNotNull();

        var myself = WebClient.create().get()
                .uri(ConnectorApi.SANDBOX.baseUrl() + "/atlassian/api/ex/jira/" + CLOUD_ID + "/rest/api/3/myself")
                .header("Authorization", authorization).retrieve().toBodilessEntity().block();
        assertThat(myself.getStatusCode().value()).as("the handed-out token works at Jira").isEqualTo(200);

        String token = authorization.substring("Bearer ".length());
        assertThat(OAuthFlow.stored("access_token", id)).as("sealed at rest").startsWith("v1:test-key:").doesNotContain(token);
        assertThat(OAuthFlow.stored("refresh_token", id)).startsWith("v1:test-key:");
        assertThat(api().as(organisation).get().uri(ConnectorApi.PATH).exchange().expectBody(String.class).returnResult()
                .getResponseBody()).doesNotContain(token).doesNotContain("atlr_");
        assertThat(output.getAll()).doesNotContain(token).doesNotContainPattern("atlr_[A-Za-z0-9_-]{20,}")
                .doesNotContainPattern("atl_[A-Za-z0-9_-]{20,}");
    }

    @Test
    void connectsConfluenceWithTheSameAtlassianApp() {
        String id = flow().connected(organisation, "confluence");
        api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.type").isEqualTo("confluence")
                .jsonPath("$.data.baseUrl").isEqualTo(ConnectorApi.SANDBOX.baseUrl() + "/atlassian/api/ex/confluence/" + CLOUD_ID);
    }

    @Test
    void connectsGitHubAndReadsTheUser(CapturedOutput output) {
        var query = OAuthFlow.query(java.net.URI.create(flow().authorizationUrl(organisation, "github")));
        assertThat(query).containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "http://localhost:8082/api/oauth/callback/github");
        String id = flow().callback("github", OAuthFlow.approve(flow().authorizationUrl(organisation, "github"))).get("connectionId");
        assertThat(id).isNotNull();
        api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.type").isEqualTo("github")
                .jsonPath("$.data.baseUrl").isEqualTo(ConnectorApi.SANDBOX.baseUrl() + "/github/api")
                .jsonPath("$.data.externalAccount.id").isNotEmpty()
                .jsonPath("$.data.tokenExpiry").doesNotExist();
        String authorization = read(api().asService("sync-worker", "credentials:read").get()
                .uri("/internal/connections/" + id + "/credentials").exchange().expectStatus().isOk(), "$.data.authorization");
        assertThat(authorization).startsWith("Bearer gho_");
        assertThat(output.getAll()).doesNotContain(authorization.substring(7));
    }

    @Test
    void aGitHubConnectionNamesTheRepositoriesItSyncsAndAJiraConnectionItsProjects() {
        String github = flow().connected(organisation, "github");
        String jira = flow().connected(organisation, "jira");
        var client = api().as(organisation);

        client.patch().uri(ConnectorApi.PATH + "/" + github).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("projectKeys", java.util.List.of("acme/api", "acme/web.site"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.projectKeys[1]").isEqualTo("acme/web.site");
        client.patch().uri(ConnectorApi.PATH + "/" + github).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("projectKeys", java.util.List.of("PROJ"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("projectKeys");
        client.patch().uri(ConnectorApi.PATH + "/" + jira).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("projectKeys", java.util.List.of("acme/api"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("projectKeys");
        client.patch().uri(ConnectorApi.PATH + "/" + github).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("projectKeys", java.util.List.of("not a repo"))).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void connectsSlackWithTheBotTokenAndTheTeam(CapturedOutput output) {
        String id = flow().connected(organisation, "slack");
        api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.type").isEqualTo("slack")
                .jsonPath("$.data.displayName").isEqualTo("Slack (Acme Sandbox)")
                .jsonPath("$.data.externalAccount.id").isNotEmpty()
                .jsonPath("$.data.tokenExpiry").isNotEmpty();
        String authorization = read(api().asService("sync-worker", "credentials:read").get()
                .uri("/internal/connections/" + id + "/credentials").exchange().expectStatus().isOk(), "$.data.authorization");
        assertThat(authorization).startsWith("Bearer xoxb-");
        assertThat(output.getAll()).doesNotContain(authorization.substring(7)).doesNotContainPattern("xoxe-1-[A-Za-z0-9_-]{20,}");
    }

    @Test
    void authorisingTheSameSiteAgainUpdatesItsConnection() {
        String first = flow().connected(organisation, "jira");
        String second = flow().connected(organisation, "jira");
        assertThat(second).isEqualTo(first);
        assertThat(connectionCount()).isEqualTo(1);
    }

    @Test
    void twoAuthorisationsOfTheSameTeamAtOnceMakeOneConnection() {
        var callbacks = java.util.List.of(OAuthFlow.approve(flow().authorizationUrl(organisation, "slack")),
                OAuthFlow.approve(flow().authorizationUrl(organisation, "slack")));
        var ids = reactor.core.publisher.Flux.fromIterable(callbacks)
                .flatMap(callback -> reactor.core.publisher.Mono.fromCallable(() -> flow().callback("slack", callback))
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                .map(outcome -> outcome.get("connectionId")).collectList().block(java.time.Duration.ofSeconds(30));
        assertThat(ids).hasSize(2).doesNotContainNull();
        assertThat(ids.get(0)).isEqualTo(ids.get(1));
        assertThat(connectionCount()).isEqualTo(1);
    }

    @Test
    void aReusedStateIsRejectedAndStoresNothingMore() {
        Map<String, String> callback = OAuthFlow.approve(flow().authorizationUrl(organisation, "github"));
        assertThat(flow().callback("github", callback)).containsEntry("status", "connected");
        assertThat(flow().callback("github", callback)).containsEntry("status", "error").containsEntry("error", "invalid_state");
        assertThat(connectionCount()).isEqualTo(1);
    }

    @Test
    void twoCallbacksRacingWithOneStateConnectOnce() {
        Map<String, String> callback = OAuthFlow.approve(flow().authorizationUrl(organisation, "slack"));
        var outcomes = reactor.core.publisher.Flux.range(0, 2)
                .flatMap(i -> reactor.core.publisher.Mono.fromCallable(() -> flow().callback("slack", callback))
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                .map(outcome -> outcome.get("status")).collectList().block(java.time.Duration.ofSeconds(30));
        assertThat(outcomes).containsExactlyInAnyOrder("connected", "error");
        assertThat(connectionCount()).isEqualTo(1);
    }

    @Test
    void anUnknownOrMissingStateIsRejected() {
        assertThat(flow().callback("jira", Map.of("code", "whatever", "state", UUID.randomUUID().toString())))
                .containsEntry("error", "invalid_state");
        assertThat(flow().callback("jira", Map.of("code", "whatever"))).containsEntry("error", "invalid_state");
    }

    @Test
    void anExpiredStateIsRejectedWithNothingStored() throws Exception {
        Map<String, String> callback = OAuthFlow.approve(flow().authorizationUrl(organisation, "jira"));
        OAuthFlow.sql("update connector.oauth_states set expires_at = now() - interval '1 second' where organisation_id = ?",
                organisation.value());
        assertThat(flow().callback("jira", callback)).containsEntry("error", "invalid_state");
        assertThat(connectionCount()).isZero();
    }

    @Test
    void anotherProvidersStateIsRejectedWithNothingStored() {
        Map<String, String> jiraCallback = OAuthFlow.approve(flow().authorizationUrl(organisation, "jira"));
        assertThat(flow().callback("confluence", jiraCallback)).containsEntry("error", "invalid_state");
        assertThat(flow().callback("jira", jiraCallback)).as("the state was spent").containsEntry("error", "invalid_state");
        assertThat(connectionCount()).isZero();
    }

    @Test
    void theSandboxChecksThePkceVerifier() throws Exception {
        Map<String, String> callback = OAuthFlow.approve(flow().authorizationUrl(organisation, "jira"));
        OAuthFlow.sql("update connector.oauth_states set code_verifier = ? where organisation_id = ?",
                "a".repeat(64), organisation.value());
        assertThat(flow().callback("jira", callback)).containsEntry("error", "exchange_failed");
        assertThat(connectionCount()).isZero();
    }

    @Test
    void aDeniedConsentComesBackAsAccessDenied() {
        String url = flow().authorizationUrl(organisation, "jira");
        String state = OAuthFlow.query(java.net.URI.create(url)).get("state");
        assertThat(flow().callback("jira", Map.of("error", "access_denied", "state", state))).containsEntry("error", "access_denied");
        assertThat(connectionCount()).isZero();
    }

    @Test
    void aCallbackForAnUnknownProviderIsAnInvalidStateAndEchoesNothing() {
        assertThat(flow().callback("<script>", Map.of("code", "c", "state", "s")))
                .containsEntry("error", "invalid_state").containsEntry("provider", "unknown");
    }

    @Test
    void namesTheProvidersItHasAnOAuthAppForToASignedInPerson() {
        api().as(organisation).get().uri("/api/oauth/providers").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[*].provider").isEqualTo(java.util.List.of("confluence", "github", "jira", "slack"))
                .jsonPath("$.data[*].name").isEqualTo(java.util.List.of("Confluence", "GitHub", "Jira", "Slack"));
        refusedWithoutAHubToken(org.springframework.http.HttpMethod.GET, "/api/oauth/providers");
    }

    @Test
    void aSlackConnectionHasNoWebhookSecretOfItsOwn() {
        String id = flow().connected(organisation, "slack");
        api().as(organisation).patch().uri(ConnectorApi.PATH + "/" + id).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("webhookSecret", "a-slack-secret-that-is-long-enough")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("webhookSecret")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("signing secret"));
    }

    @Test
    void anUnknownProviderCannotBeAuthorised() {
        api().as(organisation).post().uri("/api/integrations/myspace/authorize").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("provider_not_found");
    }

    @Test
    void authorizeNeedsAHubToken() {
        refusedWithoutAHubToken(org.springframework.http.HttpMethod.POST, "/api/integrations/jira/authorize");
    }

    private void refusedWithoutAHubToken(org.springframework.http.HttpMethod method, String path) {
        WebClient.create("http://localhost:" + port).method(method).uri(path).exchangeToMono(r -> {
            assertThat(r.statusCode().value()).isEqualTo(401);
            return r.releaseBody();
        }).block();
    }

    @Test
    void testingAnOAuthConnectionCallsTheProviderWithItsToken() {
        for (String provider : java.util.List.of("jira", "confluence", "github", "slack")) {
            String id = flow().connected(organisation, provider);
            api().as(organisation).post().uri(ConnectorApi.PATH + "/" + id + "/test").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.data.connected").isEqualTo(true);
        }
    }

    @Test
    void anOAuthConnectionTakesNoApiToken() {
        String id = flow().connected(organisation, "github");
        api().as(organisation).patch().uri(ConnectorApi.PATH + "/" + id).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("apiToken", "something")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("apiToken");
    }

    @Test
    void disconnectingGitHubDeletesTheGrantAtGitHub() {
        String id = flow().connected(organisation, "github");
        String authorization = credentialsOf(id);
        assertThat(status(ConnectorApi.SANDBOX.baseUrl() + "/github/api/user", authorization)).isEqualTo(200);

        api().as(organisation).delete().uri(ConnectorApi.PATH + "/" + id).exchange().expectStatus().isNoContent();

        assertThat(status(ConnectorApi.SANDBOX.baseUrl() + "/github/api/user", authorization)).as("the grant is gone").isEqualTo(401);
        api().as(organisation).get().uri(ConnectorApi.PATH + "/" + id).exchange().expectStatus().isNotFound();
    }

    @Test
    void disconnectingSlackRevokesTheToken() {
        String id = flow().connected(organisation, "slack");
        String authorization = credentialsOf(id);
        assertThat(slackAuthTest(authorization)).isTrue();

        api().as(organisation).delete().uri(ConnectorApi.PATH + "/" + id).exchange().expectStatus().isNoContent();

        assertThat(slackAuthTest(authorization)).isFalse();
        assertThat(connectionCount()).isZero();
    }

    @Test
    void connectingJiraRegistersItsDynamicWebhook() throws Exception {
        String id = flow().connected(organisation, "jira");
        var webhooks = OAuthFlow.jiraWebhooksOf(id, credentialsOf(id));
        assertThat(webhooks).hasSize(1);
        assertThat(webhooks.get(0)).containsEntry("events", java.util.List.of("jira:issue_created", "jira:issue_updated",
                "jira:issue_deleted"));
        assertThat(OAuthFlow.stored("jira_webhook_ids", id)).isEqualTo("{" + webhooks.get(0).get("id") + "}");
        assertThat(java.time.OffsetDateTime.parse(OAuthFlow.stored("jira_webhook_expires_at", id).replace(" ", "T") + ":00")
                .toInstant()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(29)));
        assertThat(flow().connected(organisation, "jira")).isEqualTo(id);
        assertThat(OAuthFlow.jiraWebhooksOf(id, credentialsOf(id))).as("authorising again registers no second webhook").hasSize(1);
    }

    @Test
    void changingAJiraConnectionsProjectsReplacesItsWebhookFilter() {
        String id = flow().connected(organisation, "jira");
        String authorization = credentialsOf(id);
        Object before = OAuthFlow.jiraWebhooksOf(id, authorization).get(0).get("id");

        api().as(organisation).patch().uri(ConnectorApi.PATH + "/" + id).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("projectKeys", java.util.List.of("PROJ", "OPS"))).exchange().expectStatus().isOk();

        var webhooks = OAuthFlow.jiraWebhooksOf(id, authorization);
        assertThat(webhooks).hasSize(1);
        assertThat(webhooks.get(0)).containsEntry("jqlFilter", "project in (PROJ, OPS)");
        assertThat(webhooks.get(0).get("id")).isNotEqualTo(before);
    }

    @Test
    void disconnectingJiraDeletesItsWebhookAndTheConnection() {
        String id = flow().connected(organisation, "jira");
        String authorization = credentialsOf(id);
        assertThat(OAuthFlow.jiraWebhooksOf(id, authorization)).hasSize(1);

        api().as(organisation).delete().uri(ConnectorApi.PATH + "/" + id).exchange().expectStatus().isNoContent();

        assertThat(connectionCount()).isZero();
        assertThat(OAuthFlow.jiraWebhooksOf(id, authorization)).isEmpty();
    }

    private String credentialsOf(String id) {
        return read(api().asService("sync-worker", "credentials:read").get().uri("/internal/connections/" + id + "/credentials")
                .exchange().expectStatus().isOk(), "$.data.authorization");
    }

    private static int status(String url, String authorization) {
        return WebClient.create().get().uri(url).header("Authorization", authorization)
                .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())).block();
    }

    @SuppressWarnings("unchecked")
    private static boolean slackAuthTest(String authorization) {
        Map<String, Object> answer = WebClient.create().post().uri(ConnectorApi.SANDBOX.baseUrl() + "/slack/api/auth.test")
                .header("Authorization", authorization).retrieve().bodyToMono(Map.class).block();
        return Boolean.TRUE.equals(answer.get("ok"));
    }

    private int connectionCount() {
        return Integer.parseInt(read(api().as(organisation).get().uri(ConnectorApi.PATH).exchange().expectStatus().isOk(),
                "$.data.length()"));
    }
}
