package org.integrationhub.sandbox.atlassian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.CLIENT_ID;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.CLIENT_SECRET;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.JIRA_SCOPES;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.JSON;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

@SuppressWarnings("unchecked")
class JiraWebhookTest {

    private static final String SECRET = "It's a Secret to Everybody";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static String token;
    private final WebTestClient http = AtlassianSandbox.http();
    private final WebhookReceiver receiver = WebhookReceiver.start();

    @BeforeAll
    static void authorize() {
        token = AtlassianSandbox.accessToken(JIRA_SCOPES);
    }

    @AfterEach
    void cleanUp() {
        http.delete().uri("/sandbox/atlassian/webhooks").exchange().expectStatus().isNoContent();
        http.post().uri("/sandbox/reset").exchange().expectStatus().is2xxSuccessful();
        receiver.close();
    }

    @Test
    void adminWebhookReceivesCreatedUpdatedAndDeletedEvents() {
        registerAdminWebhook("/jira");
        String id = createIssue("PROJ", "Webhook me");
        updateIssue(id, Map.of("summary", "Webhook me again"));
        http.delete().uri("/sandbox/atlassian/issues/" + id).exchange().expectStatus().isNoContent();

        await("three webhooks").atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).hasSize(3));

        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).extracting(r -> r.json().get("webhookEvent"))
                .containsExactlyInAnyOrder("jira:issue_created", "jira:issue_updated", "jira:issue_deleted");
        assertThat(received).extracting(r -> r.header("X-Atlassian-Webhook-Identifier")).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(received).allSatisfy(r -> {
            Map<String, Object> body = r.json();
            assertThat(r.header("X-Atlassian-Webhook-Retry")).isNull();
            assertThat(((Number) body.get("timestamp")).longValue()).isCloseTo(System.currentTimeMillis(), within(60_000L));
            assertThat((Map<String, Object>) body.get("user")).containsKeys("accountId", "displayName");
            Map<String, Object> issue = (Map<String, Object>) body.get("issue");
            assertThat(issue).containsEntry("id", id).containsKeys("key", "self");
            assertThat((Map<String, Object>) issue.get("fields")).containsKeys("summary", "status", "assignee", "project", "updated");
        });
        assertThat(event(received, "jira:issue_created")).containsEntry("issue_event_type_name", "issue_created");
        assertThat(event(received, "jira:issue_deleted")).containsEntry("issue_event_type_name", "issue_deleted");
    }

    @Test
    void adminWebhookSignatureIsTheHmacOfTheRawBody() throws Exception {
        registerAdminWebhook("/signed");
        createIssue("OPS", "Sign me");

        await("the webhook").atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).hasSize(1));

        WebhookReceiver.Received webhook = receiver.received().get(0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(webhook.header("X-Hub-Signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(webhook.body())));
        assertThat(webhook.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void updateWebhookCarriesTheChangelog() {
        String id = createIssue("WEB", "Before");
        registerAdminWebhook("/changes");
        updateIssue(id, Map.of("summary", "After", "status", "Done"));

        await("the update").atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).hasSize(1));

        Map<String, Object> body = receiver.received().get(0).json();
        assertThat(body).containsEntry("webhookEvent", "jira:issue_updated").containsEntry("issue_event_type_name", "issue_generic");
        List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) body.get("changelog")).get("items");
        assertThat(items).anySatisfy(item -> assertThat(item).containsEntry("field", "summary").containsEntry("fromString", "Before")
                .containsEntry("toString", "After"));
        assertThat(items).anySatisfy(item -> assertThat(item).containsEntry("field", "status").containsEntry("fromString", "To Do")
                .containsEntry("toString", "Done"));
        Map<String, Object> status = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) body.get("issue")).get("fields"))
                .get("status");
        assertThat((Map<String, Object>) status.get("statusCategory")).containsEntry("key", "done");
    }

    @Test
    void failedDeliveryIsRetriedWithTheSameIdentifierAndARetryHeader() {
        receiver.answer(500);
        registerAdminWebhook("/flaky");
        createIssue("PROJ", "Retry me");

        await("the retry").atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).hasSize(2));

        WebhookReceiver.Received first = receiver.received().get(0);
        WebhookReceiver.Received retry = receiver.received().get(1);
        assertThat(first.header("X-Atlassian-Webhook-Retry")).isNull();
        assertThat(retry.header("X-Atlassian-Webhook-Retry")).isEqualTo("1");
        assertThat(retry.header("X-Atlassian-Webhook-Identifier")).isNotBlank().isEqualTo(first.header("X-Atlassian-Webhook-Identifier"));
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void oauthWebhookCarriesABearerJwtSignedWithTheClientSecret() throws Exception {
        long webhookId = registerDynamicWebhook("/oauth", List.of("jira:issue_created"), "project = PROJ");
        createIssue("PROJ", "JWT me");

        await("the webhook").atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).hasSize(1));

        WebhookReceiver.Received webhook = receiver.received().get(0);
        assertThat(webhook.header("Authorization")).startsWith("Bearer ");
        String[] jwt = webhook.header("Authorization").substring("Bearer ".length()).split("\\.");
        assertThat(jwt).hasSize(3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readValue(Base64.getUrlDecoder().decode(jwt[0]), Map.class)).containsEntry("alg", "HS256");
        Map<String, Object> claims = json.readValue(Base64.getUrlDecoder().decode(jwt[1]), Map.class);
        assertThat(claims).containsEntry("iss", CLIENT_ID).containsEntry("qsh", "context-qsh");
        assertThat(((Number) claims.get("exp")).longValue()).isGreaterThan(Instant.now().getEpochSecond());
        assertThat(webhook.header("X-Hub-Signature")).isNull();
        assertThat((List<Object>) webhook.json().get("matchedWebhookIds")).containsExactly((int) webhookId);
    }

    @Test
    void oauthWebhookGetsOnlyItsEventsAndIssuesMatchingItsJql() {
        registerDynamicWebhook("/filtered", List.of("jira:issue_created"), "project = OPS");
        String skipped = createIssue("PROJ", "Not for this webhook");
        updateIssue(skipped, Map.of("summary", "Still not"));
        String wanted = createIssue("OPS", "For this webhook");

        await("the OPS webhook").atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).isNotEmpty());

        assertThat(receiver.received()).singleElement()
                .satisfies(r -> assertThat((Map<String, Object>) r.json().get("issue")).containsEntry("id", wanted));
    }

    @Test
    void dynamicWebhooksAreListedRefreshedAndDeleted() {
        long id = registerDynamicWebhook("/lifecycle", List.of("jira:issue_created", "jira:issue_updated"), "project = PROJ");

        Map<String, Object> page = oauth(HttpMethod.GET, "/webhook", null).expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody();
        Map<String, Object> listed = ((List<Map<String, Object>>) page.get("values")).get(0);
        assertThat(((Number) listed.get("id")).longValue()).isEqualTo(id);
        assertThat(listed).containsEntry("jqlFilter", "project = PROJ");
        long in30Days = Instant.now().plus(Duration.ofDays(30)).toEpochMilli();
        assertThat(((Number) listed.get("expirationDate")).longValue()).isBetween(in30Days - 60_000, in30Days + 60_000);

        oauth(HttpMethod.PUT, "/webhook/refresh", Map.of("webhookIds", List.of(id))).expectStatus().isOk()
                .expectBody().jsonPath("$.expirationDate").isNumber();
        oauth(HttpMethod.DELETE, "/webhook", Map.of("webhookIds", List.of(id))).expectStatus().isAccepted();
        oauth(HttpMethod.GET, "/webhook", null).expectStatus().isOk().expectBody().jsonPath("$.values").isEmpty();
    }

    @Test
    void registeringAnUnsupportedEventAnswersErrorsForThatWebhook() {
        Map<String, Object> result = oauth(HttpMethod.POST, "/webhook", Map.of("url", receiver.url("/x"), "webhooks",
                List.of(Map.of("events", List.of("jira:issue_exploded"), "jqlFilter", "project = PROJ")))).expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();

        Map<String, Object> only = ((List<Map<String, Object>>) result.get("webhookRegistrationResult")).get(0);
        assertThat(only).doesNotContainKey("createdWebhookId");
        assertThat((List<String>) only.get("errors")).isNotEmpty();
    }

    @Test
    void dynamicWebhooksAreForOAuthAppsOnly() {
        http.post().uri(AtlassianSandbox.siteApi() + "/webhook").header(HttpHeaders.AUTHORIZATION, AtlassianSandbox.basic())
                .bodyValue(Map.of("url", receiver.url("/x"), "webhooks", List.of(Map.of("events", List.of("jira:issue_created"),
                        "jqlFilter", "project = PROJ")))).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.errorMessages[0]").isNotEmpty();
    }

    @Test
    void deliveriesThatFailedAfterRetriesAreListedForReconciliation() {
        receiver.alwaysAnswer(410);
        registerDynamicWebhook("/gone", List.of("jira:issue_created"), "project = WEB");
        String id = createIssue("WEB", "Nobody listens");

        await("the failure to be listed").atMost(WAIT).untilAsserted(() -> {
            Map<String, Object> failed = oauth(HttpMethod.GET, "/webhook/failed", null).expectStatus().isOk().expectBody(JSON)
                    .returnResult().getResponseBody();
            assertThat((List<Map<String, Object>>) failed.get("values")).anySatisfy(value -> {
                assertThat(value).containsEntry("url", receiver.url("/gone")).containsKeys("id", "failureTime");
                assertThat((String) value.get("body")).contains("\"id\":\"" + id + "\"");
            });
        });
    }

    @Test
    void deletingAnUnknownAdminWebhookIs404() {
        http.delete().uri("/sandbox/atlassian/webhooks/not-a-webhook").exchange().expectStatus().isNotFound();
    }

    private void registerAdminWebhook(String path) {
        http.post().uri("/sandbox/atlassian/webhooks").bodyValue(Map.of("url", receiver.url(path), "secret", SECRET)).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.id").isNotEmpty();
    }

    private long registerDynamicWebhook(String path, List<String> events, String jql) {
        Map<String, Object> result = oauth(HttpMethod.POST, "/webhook", Map.of("url", receiver.url(path), "webhooks",
                List.of(Map.of("events", events, "jqlFilter", jql)))).expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody();
        return ((Number) ((List<Map<String, Object>>) result.get("webhookRegistrationResult")).get(0).get("createdWebhookId")).longValue();
    }

    private WebTestClient.ResponseSpec oauth(HttpMethod method, String path, Object body) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(AtlassianSandbox.jiraApi() + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }

    private String createIssue(String project, String summary) {
        return (String) http.post().uri("/sandbox/atlassian/issues").bodyValue(Map.of("project", project, "summary", summary)).exchange()
                .expectStatus().isEqualTo(HttpStatus.CREATED).expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    private void updateIssue(String id, Map<String, Object> change) {
        http.put().uri("/sandbox/atlassian/issues/" + id).bodyValue(change).exchange().expectStatus().isOk();
    }

    private static Map<String, Object> event(List<WebhookReceiver.Received> received, String event) {
        Predicate<WebhookReceiver.Received> isEvent = r -> event.equals(r.json().get("webhookEvent"));
        return received.stream().filter(isEvent).findFirst().orElseThrow().json();
    }
}
