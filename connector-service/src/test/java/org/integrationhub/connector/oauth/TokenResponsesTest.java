package org.integrationhub.connector.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Every provider's error shape is an error, and no token travels where it should not. */
class TokenResponsesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static OAuthSettings.Provider provider(OAuthSettings.TokenResponseFormat format, String... revokedErrors) {
        return new OAuthSettings.Provider("jira", "atlassian", "id", "secret", "https://a/authorize", "https://a/token", "https://api",
                "http://localhost:8082/api/oauth/callback/jira", List.of("read"), true, Map.of(), Map.of(), null, format,
                OAuthSettings.RefreshBehaviour.ROTATING, List.of(revokedErrors), null, null, "Jira");
    }

    private static final OAuthSettings.Provider ATLASSIAN = provider(OAuthSettings.TokenResponseFormat.OAUTH2, "invalid_grant");
    private static final OAuthSettings.Provider GITHUB = provider(OAuthSettings.TokenResponseFormat.OAUTH2, "bad_refresh_token");
    private static final OAuthSettings.Provider SLACK = provider(OAuthSettings.TokenResponseFormat.SLACK, "invalid_refresh_token");

    @Test
    void atlassiansForbiddenInvalidGrantMeansRevoked() {
        assertThatThrownBy(() -> TokenResponses.read(ATLASSIAN, 403, MediaType.APPLICATION_JSON,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh token.\"}", JSON))
                .isInstanceOfSatisfying(TokenRequestFailed.class, failure -> {
                    assertThat(failure.revoked()).isTrue();
                    assertThat(failure.transientFailure()).isFalse();
                    assertThat(failure.error()).isEqualTo("invalid_grant");
                });
    }

    @Test
    void gitHubsHttp200ErrorIsAnError() {
        assertThatThrownBy(() -> TokenResponses.read(GITHUB, 200, MediaType.APPLICATION_JSON,
                "{\"error\":\"bad_refresh_token\",\"error_description\":\"The refresh token passed is incorrect or expired.\"}", JSON))
                .isInstanceOfSatisfying(TokenRequestFailed.class, failure -> assertThat(failure.revoked()).isTrue());
        assertThatThrownBy(() -> TokenResponses.read(GITHUB, 200, MediaType.APPLICATION_FORM_URLENCODED,
                "error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.", JSON))
                .isInstanceOfSatisfying(TokenRequestFailed.class, failure -> {
                    assertThat(failure.revoked()).isFalse();
                    assertThat(failure.error()).isEqualTo("bad_verification_code");
                });
    }

    @Test
    void slacksOkFalseIsAnError() {
        assertThatThrownBy(() -> TokenResponses.read(SLACK, 200, MediaType.APPLICATION_JSON,
                "{\"ok\":false,\"error\":\"invalid_refresh_token\"}", JSON))
                .isInstanceOfSatisfying(TokenRequestFailed.class, failure -> assertThat(failure.revoked()).isTrue());
    }

    @Test
    void serverErrorsAndRateLimitsAreTransient() {
        for (int status : new int[] {500, 502, 503, 429}) {
            assertThatThrownBy(() -> TokenResponses.read(ATLASSIAN, status, MediaType.TEXT_HTML, "<html>oops</html>", JSON))
                    .isInstanceOfSatisfying(TokenRequestFailed.class, failure -> assertThat(failure.transientFailure()).isTrue());
        }
    }

    @Test
    void slacksBotTokenIsTheAccessTokenAndTheUserTokenIsDropped() {
        var response = TokenResponses.read(SLACK, 200, MediaType.APPLICATION_JSON, """
                {"ok":true,"access_token":"xoxb-bot","token_type":"bot","scope":"chat:write,channels:read","bot_user_id":"B1",
                 "team":{"id":"T1","name":"Acme"},"authed_user":{"id":"U1","access_token":"xoxp-user","refresh_token":"xoxe-1-user"},
                 "expires_in":43200,"refresh_token":"xoxe-1-bot"}""", JSON);
        assertThat(response.getAccessToken().getTokenValue()).isEqualTo("xoxb-bot");
        assertThat(response.getRefreshToken().getTokenValue()).isEqualTo("xoxe-1-bot");
        assertThat(response.getAccessToken().getScopes()).containsExactlyInAnyOrder("chat:write", "channels:read");
        assertThat(response.getAdditionalParameters()).containsEntry("authed_user", Map.of("id", "U1"))
                .containsEntry(TokenResponses.EXPIRES, true);
        assertThat(response.getAdditionalParameters().toString()).doesNotContain("xox");
    }

    @Test
    void aGitHubOAuthAppTokenDoesNotExpire() {
        var response = TokenResponses.read(GITHUB, 200, MediaType.APPLICATION_FORM_URLENCODED,
                "access_token=gho_abc&scope=repo%2Cread%3Auser&token_type=bearer", JSON);
        assertThat(response.getAccessToken().getTokenValue()).isEqualTo("gho_abc");
        assertThat(response.getAdditionalParameters()).doesNotContainKey(TokenResponses.EXPIRES);
        assertThat(response.getRefreshToken()).isNull();
    }

    @Test
    void aGrantHidesItsTokensInText() {
        var grant = new TokenGrant("atl_secret_access", "atlr_secret_refresh", null, "read", Map.of());
        assertThat(grant.toString()).doesNotContain("secret");
    }
}
