package org.integrationhub.sandbox.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.core.ConditionFactory;
import org.integrationhub.sandbox.SandboxHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GitHubWebhooksTest {

    private static final String SECRET = "hook-secret-ß";
    private static final Duration DELIVERY = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(20);

    private final WebTestClient http = SandboxHarness.http();
    private final JsonMapper json = JsonMapper.builder().build();
    private HookReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new HookReceiver();
    }

    @AfterEach
    void reset() {
        SandboxHarness.reset();
        receiver.close();
    }

    @Test
    void registeringAHookPingsIt() {
        long hookId = register("acme/api", "json");

        HookReceiver.Received ping = waitFor("ping delivered").until(() -> receiver.events("ping"), list -> !list.isEmpty())
                .get(0);
        assertThat(ping.header("X-GitHub-Hook-ID")).isEqualTo(String.valueOf(hookId));
        assertThat(ping.header("User-Agent")).startsWith("GitHub-Hookshot/");
        JsonNode body = json.readTree(ping.body());
        assertThat(body.get("hook_id").asLong()).isEqualTo(hookId);
        assertThat(body.get("zen").asString()).isNotBlank();
        assertThat(body.at("/repository/full_name").asString()).isEqualTo("acme/api");
    }

    @Test
    void issueChangesArriveAsSignedIssuesEvents() throws Exception {
        long hookId = register("acme/api", "json");
        long id = createIssue("acme/api", "Webhook me");
        patch(id, Map.of("title", "Webhook me, edited"));
        patch(id, Map.of("state", "closed"));

        List<HookReceiver.Received> events = waitFor("opened, edited and closed delivered")
                .until(() -> receiver.events("issues"), list -> list.size() >= 3);
        assertThat(events).extracting(e -> json.readTree(e.body()).get("action").asString())
                .containsExactlyInAnyOrder("opened", "edited", "closed");
        for (HookReceiver.Received event : events) {
            assertThat(event.header("X-Hub-Signature-256")).isEqualTo("sha256=" + hmacSha256(SECRET, event.body()));
            assertThat(event.header("X-GitHub-Delivery")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(event.header("X-GitHub-Hook-ID")).isEqualTo(String.valueOf(hookId));
            assertThat(event.header("Content-Type")).startsWith("application/json");
        }
        assertThat(events).extracting(e -> e.header("X-GitHub-Delivery")).doesNotHaveDuplicates();

        JsonNode opened = action(events, "opened");
        assertThat(opened.at("/issue/id").asLong()).isEqualTo(id);
        assertThat(opened.at("/issue/title").asString()).isEqualTo("Webhook me");
        assertThat(opened.at("/issue/state").asString()).isEqualTo("open");
        assertThat(opened.at("/repository/full_name").asString()).isEqualTo("acme/api");
        assertThat(opened.at("/repository/name").asString()).isEqualTo("api");
        assertThat(opened.at("/repository/owner/login").asString()).isEqualTo("acme");
        assertThat(opened.at("/sender/login").asString()).isNotBlank();
        JsonNode edited = action(events, "edited");
        assertThat(edited.at("/changes/title/from").asString()).isEqualTo("Webhook me");
        assertThat(edited.at("/issue/title").asString()).isEqualTo("Webhook me, edited");
        JsonNode closed = action(events, "closed");
        assertThat(closed.at("/issue/state").asString()).isEqualTo("closed");
        assertThat(closed.at("/issue/closed_at").asString()).isNotBlank();
    }

    @Test
    void assignmentAndDeletionHaveTheirOwnActions() {
        register(null, "json");
        String login = SandboxHarness.sandbox().issues().people().get(2).githubLogin();
        long id = createIssue("acme/web", "Assign me");
        patch(id, Map.of("assigneeLogin", login));
        patch(id, Map.of("assigneeLogin", ""));
        http.delete().uri("/sandbox/github/issues/" + id).exchange().expectStatus().isNoContent();

        List<HookReceiver.Received> events = waitFor("four issue events delivered")
                .until(() -> receiver.events("issues"), list -> list.size() >= 4);
        assertThat(events).extracting(e -> json.readTree(e.body()).get("action").asString())
                .containsExactlyInAnyOrder("opened", "assigned", "unassigned", "deleted");
        assertThat(action(events, "assigned").at("/assignee/login").asString()).isEqualTo(login);
        assertThat(action(events, "unassigned").at("/assignee/login").asString()).isEqualTo(login);
        assertThat(action(events, "deleted").at("/issue/id").asLong()).isEqualTo(id);
    }

    @Test
    void aHookForOneRepositoryHearsNothingOfAnother() {
        register("acme/web", "json");
        createIssue("acme/api", "Elsewhere");
        long here = createIssue("acme/web", "Here");

        List<HookReceiver.Received> events = waitFor("the acme/web issue delivered")
                .until(() -> receiver.events("issues"), list -> !list.isEmpty());
        assertThat(events).singleElement().satisfies(e -> assertThat(json.readTree(e.body()).at("/issue/id").asLong()).isEqualTo(here));
    }

    @Test
    void formHooksGetAPayloadFieldSignedAsSent() throws Exception {
        register("acme/api", "form");
        createIssue("acme/api", "Form & payload ✓");

        HookReceiver.Received event = waitFor("form delivery")
                .until(() -> receiver.events("issues"), list -> !list.isEmpty()).get(0);
        assertThat(event.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(event.header("X-Hub-Signature-256")).isEqualTo("sha256=" + hmacSha256(SECRET, event.body()));
        String raw = new String(event.body(), StandardCharsets.UTF_8);
        assertThat(raw).startsWith("payload=");
        JsonNode payload = json.readTree(URLDecoder.decode(raw.substring("payload=".length()), StandardCharsets.UTF_8));
        assertThat(payload.get("action").asString()).isEqualTo("opened");
        assertThat(payload.at("/issue/title").asString()).isEqualTo("Form & payload ✓");
    }

    @Test
    void redeliveryResendsTheSameBodyWithTheSameDeliveryId() {
        register("acme/api", "json");
        createIssue("acme/api", "Deliver me twice");
        HookReceiver.Received original = waitFor("first delivery")
                .until(() -> receiver.events("issues"), list -> !list.isEmpty()).get(0);

        http.post().uri("/sandbox/github/deliveries/" + original.header("X-GitHub-Delivery") + "/redeliver").exchange()
                .expectStatus().isAccepted();

        HookReceiver.Received again = waitFor("redelivery")
                .until(() -> receiver.events("issues"), list -> list.size() >= 2).get(1);
        assertThat(again.header("X-GitHub-Delivery")).isEqualTo(original.header("X-GitHub-Delivery"));
        assertThat(again.body()).isEqualTo(original.body());
        http.post().uri("/sandbox/github/deliveries/no-such-delivery/redeliver").exchange().expectStatus().isNotFound();
    }

    private static ConditionFactory waitFor(String what) {
        return await(what).atMost(DELIVERY).pollInterval(POLL);
    }

    /** Deliveries may arrive in any order, as GitHub's do. */
    private JsonNode action(List<HookReceiver.Received> events, String action) {
        return events.stream().map(e -> json.readTree(e.body())).filter(body -> action.equals(body.get("action").asString()))
                .findFirst().orElseThrow();
    }

    private long register(String repo, String contentType) {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("url", receiver.url(), "secret", SECRET, "contentType", contentType));
        if (repo != null) {
            request.put("repo", repo);
        }
        Map<String, Object> hook = http.post().uri("/sandbox/github/webhooks").bodyValue(request).exchange().expectStatus().isCreated()
                .expectBody(GitHubOAuth.JSON).returnResult().getResponseBody();
        waitFor("ping delivered").until(() -> !receiver.events("ping").isEmpty());
        return ((Number) hook.get("id")).longValue();
    }

    private long createIssue(String repo, String title) {
        Map<String, Object> issue = http.post().uri("/sandbox/github/repos/" + repo + "/issues").bodyValue(Map.of("title", title))
                .exchange().expectStatus().isCreated().expectBody(GitHubOAuth.JSON).returnResult().getResponseBody();
        return ((Number) issue.get("id")).longValue();
    }

    private void patch(long id, Map<String, Object> change) {
        http.patch().uri("/sandbox/github/issues/" + id).bodyValue(change).exchange().expectStatus().isOk();
    }

    static String hmacSha256(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
