package org.integrationhub.sandbox.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.integrationhub.sandbox.SandboxHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

class SlackApiTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private final WebTestClient http = SandboxHarness.http();

    @AfterEach
    void reset() {
        SandboxHarness.reset();
    }

    @Test
    void authTestNamesTheWorkspaceAndTheBot() {
        String token = SlackOAuth.botToken(http, null);

        http.post().uri("/slack/api/auth.test").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.ok").isEqualTo(true).jsonPath("$.url").isEqualTo("https://acme-sandbox.slack.com/")
                .jsonPath("$.team").isEqualTo("Acme Sandbox").jsonPath("$.team_id").isEqualTo("T0SANDBOX")
                .jsonPath("$.user_id").isEqualTo("U0SANDBOT01").jsonPath("$.bot_id").isEqualTo("B0SANDBOT01")
                .jsonPath("$.user").isNotEmpty();
        http.post().uri("/slack/api/auth.test").body(BodyInserters.fromFormData("token", token)).exchange()
                .expectBody().jsonPath("$.ok").isEqualTo(true);
    }

    @Test
    void authTestRefusesMissingForgedAndExpiredTokensWithOkFalse() {
        http.post().uri("/slack/api/auth.test").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.ok").isEqualTo(false).jsonPath("$.error").isEqualTo("not_authed");
        http.post().uri("/slack/api/auth.test").header("Authorization", "Bearer xoxb-forged").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.ok").isEqualTo(false).jsonPath("$.error").isEqualTo("invalid_auth");

        String token = SlackOAuth.botToken(http, null);
        http.post().uri("/sandbox/oauth/slack/expire-access-tokens").exchange().expectStatus().isNoContent();
        http.post().uri("/slack/api/auth.test").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.ok").isEqualTo(false).jsonPath("$.error").isEqualTo("token_expired");
    }

    @Test
    void postedMessagesAreAnsweredAndKept() {
        String token = SlackOAuth.botToken(http, null);
        List<Map<String, Object>> blocks = List.of(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", "*Sync done*")));

        Map<String, Object> posted = http.post().uri("/slack/api/chat.postMessage").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("channel", "#hub-alerts", "text", "Sync done", "blocks", blocks))
                .exchange().expectStatus().isOk().expectBody(SlackOAuth.JSON).returnResult().getResponseBody();

        assertThat(posted).containsEntry("ok", true);
        assertThat((String) posted.get("channel")).startsWith("C");
        assertThat((String) posted.get("ts")).matches("\\d{10}\\.\\d{6}");
        assertThat(posted.get("message")).isEqualTo(Map.of("user", "U0SANDBOT01", "type", "message", "ts", posted.get("ts"),
                "bot_id", "B0SANDBOT01", "app_id", "A0SANDBOX01", "text", "Sync done", "team", "T0SANDBOX", "blocks", blocks));

        http.post().uri("/slack/api/chat.postMessage").body(BodyInserters.fromFormData("token", token).with("channel", "hub-alerts")
                .with("text", "Second")).exchange().expectBody().jsonPath("$.ok").isEqualTo(true);
        List<Map<String, Object>> kept = http.get().uri("/sandbox/slack/messages?channel=hub-alerts").exchange().expectStatus().isOk()
                .expectBody(LIST).returnResult().getResponseBody();
        assertThat(kept).extracting(m -> m.get("text")).containsExactly("Sync done", "Second");
        assertThat(kept).allSatisfy(m -> assertThat(m).containsEntry("channel", posted.get("channel")));
        assertThat((String) kept.get(1).get("ts")).isGreaterThan((String) kept.get(0).get("ts"));
    }

    @Test
    void postMessageFailuresAreOkFalse() {
        String token = SlackOAuth.botToken(http, null);
        assertThat(post(token, Map.of("text", "nowhere"))).containsEntry("ok", false).containsEntry("error", "channel_not_found");
        assertThat(post(token, Map.of("channel", "general"))).containsEntry("ok", false).containsEntry("error", "no_text");
        assertThat(post(SlackOAuth.botToken(http, "channels:read"), Map.of("channel", "general", "text", "hi")))
                .containsEntry("error", "missing_scope").containsEntry("needed", "chat:write");
        assertThat(post("xoxb-forged", Map.of("channel", "general", "text", "hi"))).containsEntry("error", "invalid_auth");
        assertThat(http.get().uri("/sandbox/slack/messages").exchange().expectBody(LIST).returnResult().getResponseBody()).isEmpty();
    }

    @Test
    void aPlayedRateLimitIs429WithRetryAfter() {
        String token = SlackOAuth.botToken(http, null);
        http.post().uri("/sandbox/faults/slack").bodyValue(Map.of("rateLimitOnCall", 1, "retryAfterSeconds", 3)).exchange()
                .expectStatus().isNoContent();

        http.post().uri("/slack/api/chat.postMessage").header("Authorization", "Bearer " + token)
                .body(BodyInserters.fromFormData("channel", "general").with("text", "hi")).exchange()
                .expectStatus().isEqualTo(429).expectHeader().valueEquals("Retry-After", "3");
        assertThat(post(token, Map.of("channel", "general", "text", "hi"))).containsEntry("ok", true);
    }

    private Map<String, Object> post(String token, Map<String, Object> body) {
        return http.post().uri("/slack/api/chat.postMessage").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk()
                .expectBody(SlackOAuth.JSON).returnResult().getResponseBody();
    }
}
