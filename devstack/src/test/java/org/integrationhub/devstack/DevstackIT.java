package org.integrationhub.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real devstack (built service jars, embedded Kafka and Postgres) on free ports, shared with
 * DevstackBrowserJourneyIT ({@link SharedDevstack}): every service reports health UP, tokens,
 * routes, webhooks and a sync work across the processes; closing it leaves no service process behind.
 */
@ExtendWith(SharedDevstack.class)
class DevstackIT {

    @Test
    void everyServiceIsHealthyAndWorksWithTheOthers(RunningDevstack devstack) {
        List<HubService> services = devstack.services();
        assertThat(devstack.devstack().services()).hasSize(HubService.ALL.size())
                .allSatisfy(process -> assertThat(process.health()).as(process.service().module()).isEqualTo("UP"));
        assertThat(devstack.console())
                .contains(devstack.devstack().kafkaBootstrapServers())
                .contains("provider-sandbox", "auth-service", "connector-service", "webhook-ingest", "sync-worker", "mapping-service", "gateway");
        String token = aTokenFromAuthServiceIsAcceptedByAnotherService(services);
        theGatewayRoutesScriptsAndSignsBrowsersInAtAuthService(services, token);
        aWebhookSignedWithAConnectionsSecretIsAcceptedByIngest(services, token);
        aSyncNowBringsTheSandboxsJiraIssuesIntoTheTaskApi(services, token);
    }

    /** Sign up and in at auth-service; mapping-service verifies the token against auth-service's JWKS over HTTP. */
    private static String aTokenFromAuthServiceIsAcceptedByAnotherService(List<HubService> services) {
        WebTestClient auth = client(services, "auth-service");
        WebTestClient mapping = client(services, "mapping-service");
        String email = "devstack-" + UUID.randomUUID() + "@example.com";
        var credentials = Map.of("email", email, "password", "correct horse battery staple");
        auth.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON).bodyValue(credentials).exchange()
                .expectStatus().isCreated();
        byte[] login = auth.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(credentials).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
        Object token = JsonPath.read(new String(login, StandardCharsets.UTF_8), "$.data.accessToken");

        mapping.get().uri("/api/external-user-mappings").exchange().expectStatus().isUnauthorized();
        mapping.get().uri("/api/external-user-mappings").headers(h -> h.setBearerAuth(token + "x")).exchange()
                .expectStatus().isUnauthorized();
        mapping.get().uri("/api/external-user-mappings").headers(h -> h.setBearerAuth(token.toString())).exchange()
                .expectStatus().value(status -> assertThat(status).as("a valid token passes authentication").isNotIn(401, 403));
        return token.toString();
    }

    /**
     * Through the gateway: a script's bearer token reaches auth-service; a browser signs up and in with the UI's
     * forms (CSRF token from the page), gets only the sealed session cookie, and the gateway relays its token.
     */
    private static void theGatewayRoutesScriptsAndSignsBrowsersInAtAuthService(List<HubService> services, String token) {
        WebTestClient gateway = client(services, "gateway");
        gateway.get().uri("/api/auth/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectHeader().exists("X-Request-Id").expectBody().jsonPath("$.data.email").exists();

        var page = gateway.get().uri("/ui/signup").exchange().expectStatus().isOk().expectBody().returnResult();
        String csrfCookie = page.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        var field = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(new String(page.getResponseBodyContent(), StandardCharsets.UTF_8));
        assertThat(field.find()).as("the sign-up form carries a CSRF token").isTrue();
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("_csrf", field.group(1));
        form.add("email", "gateway-" + UUID.randomUUID() + "@example.com");
        form.add("password", "correct horse battery staple");
        form.add("organisationName", "Through the gateway");
        gateway.post().uri("/ui/signup").cookie("XSRF-TOKEN", csrfCookie).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(form).exchange().expectStatus().isSeeOther().expectHeader().location("/ui/login?registered");
        form.remove("organisationName");
        var signedIn = gateway.post().uri("/ui/login").cookie("XSRF-TOKEN", csrfCookie).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(form).exchange().expectStatus().isSeeOther().expectBody().returnResult();
        String session = signedIn.getResponseCookies().getFirst("HUB_SESSION").getValue();

        gateway.get().uri("/api/auth/me").cookie("HUB_SESSION", session).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.email").isEqualTo(form.getFirst("email"));
        gateway.get().uri("/ui/integrations").cookie("HUB_SESSION", session).exchange()
                .expectStatus().isOk().expectBody(String.class).value(html -> assertThat(html).contains("No connections yet."));
        theUiConnectsTheSandboxsJiraSyncsItAndShowsItsTasks(services, gateway, session, csrfCookie, field.group(1));
    }

    /** The web UI's journey on the real services: connect Jira, test, sync now until it succeeded, list tasks, open one. */
    private static void theUiConnectsTheSandboxsJiraSyncsItAndShowsItsTasks(List<HubService> services, WebTestClient gateway,
            String session, String csrfCookie, String csrfToken) {
        int sandboxPort = services.stream().filter(s -> s.module().equals("provider-sandbox")).findFirst().orElseThrow().port();
        var connect = new org.springframework.util.LinkedMultiValueMap<String, String>();
        connect.add("_csrf", csrfToken);
        connect.add("baseUrl", "http://localhost:" + sandboxPort + "/atlassian/site/acme");
        connect.add("email", "admin@acme.example");
        connect.add("apiToken", "sandbox-jira-api-token");
        connect.add("displayName", "Sandbox Jira");
        gateway.post().uri("/ui/integrations").cookie("HUB_SESSION", session).cookie("XSRF-TOKEN", csrfCookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(connect).exchange()
                .expectStatus().isSeeOther().expectHeader().location("/ui/integrations?connected");
        String integrations = gateway.get().uri("/ui/integrations").cookie("HUB_SESSION", session).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        var id = java.util.regex.Pattern.compile("id=\"progress-([0-9a-f-]{36})\"").matcher(integrations);
        assertThat(id.find()).as("the new connection is listed:\n" + integrations).isTrue();
        String connectionId = id.group(1);
        assertThat(integrations).contains("Sandbox Jira", "active");

        var withToken = new org.springframework.util.LinkedMultiValueMap<String, String>();
        withToken.add("_csrf", csrfToken);
        gateway.post().uri("/ui/integrations/" + connectionId + "/test").cookie("HUB_SESSION", session).cookie("XSRF-TOKEN", csrfCookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(withToken).exchange()
                .expectStatus().isOk().expectBody(String.class).value(html -> assertThat(html).contains("Connected: "));
        gateway.post().uri("/ui/integrations/" + connectionId + "/sync-now").cookie("HUB_SESSION", session).cookie("XSRF-TOKEN", csrfCookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(withToken).exchange()
                .expectStatus().isOk().expectBody(String.class).value(html -> assertThat(html).contains(" seen, "));
        await("the UI's progress shows the sync run succeeded").atMost(Duration.ofMinutes(3)).untilAsserted(() ->
                gateway.get().uri("/ui/integrations/" + connectionId + "/progress").cookie("HUB_SESSION", session).exchange()
                        .expectStatus().isOk().expectBody(String.class)
                        .value(html -> assertThat(html).contains("succeeded", "1000 seen, 1000 applied").doesNotContain("hx-trigger")));

        // the run succeeds only once the apply stage has applied what it fetched (ADR 0021)
        await("the UI lists the sandbox's 1,000 issues as tasks").atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                gateway.get().uri("/ui/tasks?connectionId=" + connectionId).cookie("HUB_SESSION", session).exchange()
                        .expectStatus().isOk().expectBody(String.class).value(html -> assertThat(html).contains("(1000 tasks)")));
        String tasks = gateway.get().uri("/ui/tasks?connectionId=" + connectionId).cookie("HUB_SESSION", session).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        var task = java.util.regex.Pattern.compile("href=\"/ui/tasks/([0-9a-f-]{36})\"").matcher(tasks);
        assertThat(task.find()).as("a task is listed:\n" + tasks).isTrue();
        gateway.get().uri("/ui/tasks/" + task.group(1)).cookie("HUB_SESSION", session).exchange()
                .expectStatus().isOk().expectBody(String.class)
                .value(html -> assertThat(html).contains("Raw payload from the provider", "&quot;key&quot;", "Provenance", "poll"));
    }

    /**
     * A connection created at connector-service reaches webhook-ingest through integration.connections with its
     * webhook secret sealed under the devstack's shared key, and a delivery signed with that secret is accepted.
     */
    private static void aWebhookSignedWithAConnectionsSecretIsAcceptedByIngest(List<HubService> services, String token) {
        String secret = "devstack-webhook-secret-" + UUID.randomUUID();
        byte[] created = client(services, "connector-service").post().uri("/api/integrations").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "jira", "auth", "api_token", "baseUrl", "https://acme.atlassian.net",
                        "email", "admin@acme.example", "apiToken", "devstack-api-token", "webhookSecret", secret))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBodyContent();
        String connectionId = JsonPath.read(new String(created, StandardCharsets.UTF_8), "$.data.id");
        byte[] body = "{\"timestamp\":1763806530000,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"10001\"}}"
                .getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + java.util.HexFormat.of().formatHex(hmacSha256(secret, body));

        WebTestClient ingest = client(services, "webhook-ingest");
        await("webhook-ingest accepts a delivery for the new connection").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                ingest.post().uri("/webhooks/jira/" + connectionId).contentType(MediaType.APPLICATION_JSON)
                        .header("X-Hub-Signature", signature).header("X-Atlassian-Webhook-Identifier", "devstack-delivery")
                        .bodyValue(body).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.data.deliveryId").isEqualTo("devstack-delivery"));
    }

    /**
     * The whole pipeline across processes: connector-service turns sync-now into a request, sync-worker gets a service
     * token from auth-service and the credentials from connector-service, pages through the sandbox's Jira, applies the
     * observations and reports progress on the run; the tasks are then in sync-worker's read API.
     */
    private static void aSyncNowBringsTheSandboxsJiraIssuesIntoTheTaskApi(List<HubService> services, String token) {
        int sandboxPort = services.stream().filter(s -> s.module().equals("provider-sandbox")).findFirst().orElseThrow().port();
        WebTestClient connector = client(services, "connector-service");
        byte[] created = connector.post().uri("/api/integrations").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "jira", "auth", "api_token", "baseUrl", "http://localhost:" + sandboxPort + "/atlassian/site/acme",
                        "email", "admin@acme.example", "apiToken", "sandbox-jira-api-token", "projectKeys", List.of("OPS")))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBodyContent();
        String connectionId = JsonPath.read(new String(created, StandardCharsets.UTF_8), "$.data.id");
        connector.post().uri("/api/integrations/" + connectionId + "/sync-now").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isAccepted();

        WebTestClient tasks = client(services, "sync-worker");
        await("the sandbox's 333 OPS issues in sync-worker's task API").atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                tasks.get().uri(b -> b.path("/api/external-tasks").queryParam("connectionId", connectionId).build())
                        .headers(h -> h.setBearerAuth(token)).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.page.totalElements").isEqualTo(333));
        await("the sync run succeeded").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                connector.get().uri("/api/integrations/" + connectionId + "/sync-runs").headers(h -> h.setBearerAuth(token)).exchange()
                        .expectStatus().isOk().expectBody()
                        .jsonPath("$.data[0].status").isEqualTo("succeeded")
                        .jsonPath("$.data[0].itemsSeen").isEqualTo(333)
                        .jsonPath("$.data[0].itemsApplied").isEqualTo(333));
    }

    private static byte[] hmacSha256(String secret, byte[] data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WebTestClient client(List<HubService> services, String module) {
        int port = services.stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow().port();
        return WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
    }
}
