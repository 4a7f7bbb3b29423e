package org.integrationhub.sandbox.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import java.util.List;
import java.util.Map;
import org.integrationhub.sandbox.SandboxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Slack's own Java SDK, pointed at the sandbox and otherwise unchanged, installs, tests its token and posts. */
class SlackSdkCompatibilityTest {

    private static Slack slack;

    private final WebTestClient http = SandboxHarness.http();

    @BeforeAll
    static void pointTheSdkAtTheSandbox() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(SandboxHarness.sandbox().baseUrl() + "/slack/api/");
        slack = Slack.getInstance(config);
    }

    @AfterAll
    static void closeTheSdk() throws Exception {
        slack.close();
    }

    @AfterEach
    void reset() {
        SandboxHarness.reset();
    }

    @Test
    void oauthV2AccessParsesTheInstall() throws Exception {
        String code = SlackOAuth.code(http, SlackOAuth.BOT_SCOPES, "search:read", null);

        OAuthV2AccessResponse response = slack.methods().oauthV2Access(r -> r.clientId(SlackOAuth.CLIENT_ID)
                .clientSecret(SlackOAuth.CLIENT_SECRET).code(code).redirectUri(SlackOAuth.REDIRECT_URI));

        assertThat(response.isOk()).as(response.getError()).isTrue();
        assertThat(response.getAccessToken()).startsWith("xoxb-");
        assertThat(response.getTokenType()).isEqualTo("bot");
        assertThat(response.getBotUserId()).isEqualTo("U0SANDBOT01");
        assertThat(response.getAppId()).isEqualTo("A0SANDBOX01");
        assertThat(response.getTeam().getId()).isEqualTo("T0SANDBOX");
        assertThat(response.getExpiresIn()).isEqualTo(43200);
        assertThat(response.getRefreshToken()).startsWith("xoxe-1-");
        assertThat(response.getAuthedUser().getAccessToken()).startsWith("xoxp-");

        OAuthV2AccessResponse refreshed = slack.methods().oauthV2Access(r -> r.clientId(SlackOAuth.CLIENT_ID)
                .clientSecret(SlackOAuth.CLIENT_SECRET).grantType("refresh_token").refreshToken(response.getRefreshToken()));
        assertThat(refreshed.isOk()).isTrue();
        assertThat(refreshed.getRefreshToken()).isNotEqualTo(response.getRefreshToken());
    }

    @Test
    void oauthV2AccessFailureParsesAsNotOk() throws Exception {
        OAuthV2AccessResponse response = slack.methods().oauthV2Access(r -> r.clientId(SlackOAuth.CLIENT_ID)
                .clientSecret(SlackOAuth.CLIENT_SECRET).code("used-or-forged"));

        assertThat(response.isOk()).isFalse();
        assertThat(response.getError()).isEqualTo("invalid_code");
    }

    @Test
    void authTestAndChatPostMessageWorkWithABotToken() throws Exception {
        String token = SlackOAuth.botToken(http, null);

        AuthTestResponse auth = slack.methods(token).authTest(r -> r);
        assertThat(auth.isOk()).as(auth.getError()).isTrue();
        assertThat(auth.getUrl()).isEqualTo("https://acme-sandbox.slack.com/");
        assertThat(auth.getTeamId()).isEqualTo("T0SANDBOX");
        assertThat(auth.getUserId()).isEqualTo("U0SANDBOT01");
        assertThat(auth.getBotId()).isEqualTo("B0SANDBOT01");

        ChatPostMessageResponse posted = slack.methods(token).chatPostMessage(r -> r.channel("sdk-test").text("Hello from the SDK"));
        assertThat(posted.isOk()).as(posted.getError()).isTrue();
        assertThat(posted.getTs()).matches("\\d{10}\\.\\d{6}");
        assertThat(posted.getMessage().getText()).isEqualTo("Hello from the SDK");
        assertThat(posted.getMessage().getBotId()).isEqualTo("B0SANDBOT01");

        List<Map<String, Object>> kept = http.get().uri("/sandbox/slack/messages?channel=sdk-test").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
        assertThat(kept).singleElement().satisfies(m -> assertThat(m).containsEntry("ts", posted.getTs()));

        assertThat(slack.methods("xoxb-forged").authTest(r -> r).getError()).isEqualTo("invalid_auth");
    }
}
