package org.integrationhub.sandbox.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.sandbox.github.GitHubOAuth.CHALLENGE;
import static org.integrationhub.sandbox.github.GitHubOAuth.CLIENT_ID;
import static org.integrationhub.sandbox.github.GitHubOAuth.CLIENT_SECRET;
import static org.integrationhub.sandbox.github.GitHubOAuth.JSON;
import static org.integrationhub.sandbox.github.GitHubOAuth.REDIRECT_URI;
import static org.integrationhub.sandbox.github.GitHubOAuth.VERIFIER;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.integrationhub.sandbox.SandboxHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

class GitHubOAuthFlowTest {

    private final WebTestClient http = SandboxHarness.http();

    @AfterEach
    void reset() {
        SandboxHarness.reset();
    }

    @Test
    void rfc7636VectorIsTheChallengeOfItsVerifier() throws Exception {
        byte[] octets = {116, 24, (byte) 223, (byte) 180, (byte) 151, (byte) 153, (byte) 224, 37, 79, (byte) 250, 96, 125,
                (byte) 216, (byte) 173, (byte) 187, (byte) 186, 22, (byte) 212, 37, 77, 105, (byte) 214, (byte) 191, (byte) 240, 91, 88,
                5, 88, 83, (byte) 132, (byte) 141, 121};
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(octets)).isEqualTo(VERIFIER);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(digest)).isEqualTo(CHALLENGE);
    }

    @Test
    void consentPageOffersLabelledUserChoiceAndAuthorizeOrCancelButtons() {
        String html = http.get().uri(b -> b.path("/github/web/login/oauth/authorize").queryParam("client_id", CLIENT_ID)
                        .queryParam("redirect_uri", REDIRECT_URI).queryParam("scope", "repo read:user").queryParam("state", "xyz")
                        .queryParam("code_challenge", CHALLENGE).queryParam("code_challenge_method", "S256").build())
                .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("action=\"/github/web/login/oauth/authorize/decision\"", "<label for=\"login\">",
                "<select id=\"login\" name=\"login\">", "value=\"authorize\"", "value=\"cancel\"",
                "name=\"state\" value=\"xyz\"", "name=\"code_challenge\" value=\"" + CHALLENGE + "\"", "<code>read:user</code>");
    }

    @Test
    void unknownClientAndUnregisteredRedirectUriGetAnErrorPageAndNoRedirect() {
        http.get().uri(b -> b.path("/github/web/login/oauth/authorize").queryParam("client_id", "nobody")
                        .queryParam("redirect_uri", REDIRECT_URI).build())
                .exchange().expectStatus().isBadRequest().expectHeader().doesNotExist("Location")
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        http.get().uri(b -> b.path("/github/web/login/oauth/authorize").queryParam("client_id", CLIENT_ID)
                        .queryParam("redirect_uri", REDIRECT_URI + "/evil").build())
                .exchange().expectStatus().isBadRequest().expectHeader().doesNotExist("Location");
    }

    @Test
    void pkceCodeFlowAnswersFormEncodedWithoutAcceptJson() {
        URI location = http.post().uri("/github/web/login/oauth/authorize/decision")
                .body(BodyInserters.fromFormData("client_id", CLIENT_ID).with("redirect_uri", REDIRECT_URI).with("scope", "repo read:user")
                        .with("state", "st-42").with("code_challenge", CHALLENGE).with("code_challenge_method", "S256")
                        .with("login", person(3)).with("decision", "authorize"))
                .exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location.toString()).startsWith(REDIRECT_URI + "?code=");
        Map<String, String> redirect = GitHubOAuth.query(location);
        assertThat(redirect).containsEntry("state", "st-42").containsKey("code");

        EntityExchangeResult<String> result = http.post().uri("/github/web/login/oauth/access_token")
                .body(BodyInserters.fromFormData("client_id", CLIENT_ID).with("client_secret", CLIENT_SECRET)
                        .with("code", redirect.get("code")).with("redirect_uri", REDIRECT_URI).with("code_verifier", VERIFIER))
                .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)
                .expectBody(String.class).returnResult();
        Map<String, String> token = GitHubOAuth.form(result.getResponseBody());

        assertThat(token.keySet()).containsExactly("access_token", "scope", "token_type");
        assertThat(token).containsEntry("token_type", "bearer").containsEntry("scope", "repo,read:user");
        http.get().uri("/github/api/user").header("Authorization", "Bearer " + token.get("access_token")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.login").isEqualTo(person(3));
    }

    @Test
    void acceptJsonGetsJsonAndClassicAppTokensNeitherExpireNorRefresh() {
        String code = GitHubOAuth.code(http, null, CHALLENGE);

        Map<String, Object> token = http.post().uri("/github/web/login/oauth/access_token").accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "code", code, "code_verifier", VERIFIER))
                .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JSON).returnResult().getResponseBody();

        assertThat(token).containsEntry("token_type", "bearer").containsKey("access_token")
                .doesNotContainKeys("expires_in", "refresh_token", "refresh_token_expires_in", "error");
        assertThat((String) token.get("access_token")).startsWith("gho_");
    }

    @Test
    void cancelRedirectsWithAccessDeniedAndTheState() {
        URI location = http.post().uri("/github/web/login/oauth/authorize/decision")
                .body(BodyInserters.fromFormData("client_id", CLIENT_ID).with("redirect_uri", REDIRECT_URI).with("state", "st-9")
                        .with("login", person(0)).with("decision", "cancel"))
                .exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(GitHubOAuth.query(location)).containsEntry("error", "access_denied").containsEntry("state", "st-9")
                .containsKey("error_description").doesNotContainKey("code");
    }

    @Test
    void tokenErrorsAreHttp200WithAnErrorField() {
        String pkceCode = GitHubOAuth.code(http, null, CHALLENGE);
        assertThat(exchange(Map.of("code", pkceCode, "code_verifier", "x".repeat(43)))).containsEntry("error", "bad_verification_code")
                .containsKeys("error_description", "error_uri").doesNotContainKey("access_token");

        String code = GitHubOAuth.code(http, null, null);
        assertThat(exchange(Map.of("code", code, "client_secret", "wrong"))).containsEntry("error", "incorrect_client_credentials");
        assertThat(exchange(Map.of("code", code, "redirect_uri", "http://localhost:9/elsewhere")))
                .containsEntry("error", "redirect_uri_mismatch");

        String fresh = GitHubOAuth.code(http, null, null);
        assertThat(exchange(Map.of("code", fresh))).containsKey("access_token");
        assertThat(exchange(Map.of("code", fresh))).as("a used code").containsEntry("error", "bad_verification_code");
        assertThat(exchange(Map.of("grant_type", "refresh_token", "refresh_token", "ghr_nothing")))
                .containsEntry("error", "bad_refresh_token");
    }

    @Test
    void formEncodedErrorsWithoutAcceptJson() {
        String body = http.post().uri("/github/web/login/oauth/access_token")
                .body(BodyInserters.fromFormData("client_id", CLIENT_ID).with("client_secret", CLIENT_SECRET).with("code", "nope"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(GitHubOAuth.form(body)).containsEntry("error", "bad_verification_code")
                .containsEntry("error_description", "The code passed is incorrect or expired.");
    }

    private Map<String, Object> exchange(Map<String, String> overrides) {
        var form = BodyInserters.fromFormData("client_id", CLIENT_ID)
                .with("client_secret", overrides.getOrDefault("client_secret", CLIENT_SECRET));
        overrides.forEach((name, value) -> {
            if (!name.equals("client_secret")) {
                form.with(name, value);
            }
        });
        return http.post().uri("/github/web/login/oauth/access_token").accept(MediaType.APPLICATION_JSON).body(form)
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    private static String person(int index) {
        return SandboxHarness.sandbox().issues().people().get(index).githubLogin();
    }
}
