package org.integrationhub.sandbox.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.sandbox.slack.SlackOAuth.CLIENT_ID;
import static org.integrationhub.sandbox.slack.SlackOAuth.CLIENT_SECRET;
import static org.integrationhub.sandbox.slack.SlackOAuth.REDIRECT_URI;
import static org.integrationhub.sandbox.slack.SlackOAuth.access;
import static org.integrationhub.sandbox.slack.SlackOAuth.credentials;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.integrationhub.sandbox.SandboxHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

class SlackOAuthTest {

    /** RFC 7636, appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final WebTestClient http = SandboxHarness.http();

    @AfterEach
    void reset() {
        SandboxHarness.reset();
    }

    @Test
    void consentPageShowsBotAndUserScopesAndAllowOrCancel() {
        String html = http.get().uri(b -> b.path("/slack/oauth/v2/authorize").queryParam("client_id", CLIENT_ID)
                        .queryParam("scope", "chat:write,channels:read").queryParam("user_scope", "search:read")
                        .queryParam("redirect_uri", REDIRECT_URI).queryParam("state", "abc").build())
                .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("action=\"/slack/oauth/v2/authorize/decision\"", "<label for=\"user\">", "value=\"allow\"",
                "value=\"cancel\"", "<code>chat:write</code>", "<code>search:read</code>", "name=\"state\" value=\"abc\"",
                "Acme Sandbox");
    }

    @Test
    void unknownClientOrRedirectUriGetsAnErrorPageAndNoRedirect() {
        http.get().uri(b -> b.path("/slack/oauth/v2/authorize").queryParam("client_id", "nobody").queryParam("scope", "chat:write")
                .build()).exchange().expectStatus().isBadRequest().expectHeader().doesNotExist("Location");
        http.get().uri(b -> b.path("/slack/oauth/v2/authorize").queryParam("client_id", CLIENT_ID).queryParam("scope", "chat:write")
                .queryParam("redirect_uri", "https://evil.example/cb").build())
                .exchange().expectStatus().isBadRequest().expectHeader().doesNotExist("Location");
    }

    @Test
    void installWithPkceGivesBotAndUserTokensThatRotate() {
        String user = SandboxHarness.sandbox().issues().people().get(4).slackUserId();
        URI location = http.post().uri("/slack/oauth/v2/authorize/decision")
                .body(BodyInserters.fromFormData("client_id", CLIENT_ID).with("redirect_uri", REDIRECT_URI)
                        .with("scope", "chat:write,channels:read").with("user_scope", "search:read").with("state", "st-1")
                        .with("code_challenge", CHALLENGE).with("code_challenge_method", "S256").with("user", user)
                        .with("decision", "allow"))
                .exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        Map<String, String> redirect = SlackOAuth.query(location);
        assertThat(redirect).containsEntry("state", "st-1");

        Map<String, Object> answer = access(http, credentials().with("code", redirect.get("code")).with("redirect_uri", REDIRECT_URI)
                .with("code_verifier", VERIFIER));

        assertThat(answer).containsEntry("ok", true).containsEntry("token_type", "bot").containsEntry("scope", "chat:write,channels:read")
                .containsEntry("bot_user_id", "U0SANDBOT01").containsEntry("app_id", "A0SANDBOX01").containsEntry("enterprise", null)
                .containsEntry("expires_in", 43200).containsEntry("team", Map.of("id", "T0SANDBOX", "name", "Acme Sandbox"));
        assertThat((String) answer.get("access_token")).startsWith("xoxb-");
        assertThat((String) answer.get("refresh_token")).startsWith("xoxe-1-");
        @SuppressWarnings("unchecked")
        Map<String, Object> authedUser = (Map<String, Object>) answer.get("authed_user");
        assertThat(authedUser).containsEntry("id", user).containsEntry("scope", "search:read").containsEntry("token_type", "user");
        assertThat((String) authedUser.get("access_token")).startsWith("xoxp-");
        http.post().uri("/slack/api/auth.test").header("Authorization", "Bearer " + authedUser.get("access_token")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.ok").isEqualTo(true).jsonPath("$.user_id").isEqualTo(user);
    }

    @Test
    void basicClientCredentialsWorkAndRefreshReturnsANewPair() {
        String code = SlackOAuth.code(http, "chat:write", null, null);
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> first = http.post().uri("/slack/api/oauth.v2.access").header("Authorization", "Basic " + basic)
                .body(BodyInserters.fromFormData("code", code).with("redirect_uri", REDIRECT_URI)).exchange().expectStatus().isOk()
                .expectBody(SlackOAuth.JSON).returnResult().getResponseBody();
        assertThat(first).containsEntry("ok", true);

        Map<String, Object> second = access(http, credentials().with("grant_type", "refresh_token")
                .with("refresh_token", (String) first.get("refresh_token")));

        assertThat(second).containsEntry("ok", true).containsEntry("token_type", "bot").containsEntry("expires_in", 43200);
        assertThat(second.get("access_token")).isNotEqualTo(first.get("access_token"));
        assertThat(second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
        assertThat((String) second.get("refresh_token")).startsWith("xoxe-1-");
        http.post().uri("/slack/api/auth.test").header("Authorization", "Bearer " + second.get("access_token")).exchange()
                .expectBody().jsonPath("$.ok").isEqualTo(true);
    }

    @Test
    void failuresAreOkFalseWithHttp200() {
        assertThat(access(http, credentials().with("code", "no-such-code"))).containsEntry("ok", false).containsEntry("error", "invalid_code");
        String code = SlackOAuth.code(http, "chat:write", null, null);
        assertThat(access(http, BodyInserters.fromFormData("client_id", "nobody").with("client_secret", CLIENT_SECRET).with("code", code)))
                .containsEntry("error", "invalid_client_id");
        assertThat(access(http, BodyInserters.fromFormData("client_id", CLIENT_ID).with("client_secret", "wrong").with("code", code)))
                .containsEntry("error", "bad_client_secret");
        assertThat(access(http, credentials().with("code", code).with("redirect_uri", "http://localhost:8082/other")))
                .containsEntry("ok", false).containsEntry("error", "bad_redirect_uri");
        assertThat(access(http, credentials().with("grant_type", "refresh_token").with("refresh_token", "xoxe-1-forged")))
                .containsEntry("ok", false).containsEntry("error", "invalid_refresh_token");
    }

    @Test
    void cancelRedirectsWithAccessDenied() {
        URI location = http.post().uri("/slack/oauth/v2/authorize/decision")
                .body(BodyInserters.fromFormData("client_id", CLIENT_ID).with("redirect_uri", REDIRECT_URI).with("scope", "chat:write")
                        .with("state", "st-2").with("decision", "cancel"))
                .exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(SlackOAuth.query(location)).containsEntry("error", "access_denied").containsEntry("state", "st-2")
                .doesNotContainKey("code");
    }
}
