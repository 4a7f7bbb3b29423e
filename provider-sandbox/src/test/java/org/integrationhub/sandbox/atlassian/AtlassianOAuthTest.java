package org.integrationhub.sandbox.atlassian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.CLIENT_ID;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.CLIENT_SECRET;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.CLOUD_ID;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.JIRA_SCOPES;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.JSON;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.REDIRECT_URI;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriBuilder;

@SuppressWarnings("unchecked")
class AtlassianOAuthTest {

    /** RFC 7636, appendix B (the verifier whose S256 challenge is {@link #CHALLENGE}). */
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">");
    private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]+)\"");

    private final WebTestClient http = AtlassianSandbox.http();

    @Test
    void consentFlowWithPkceS256IssuesTokensForThePersonWhoSignedIn() {
        String html = http.get().uri(b -> authorize(b, Map.of("code_challenge", CHALLENGE, "code_challenge_method", "S256")))
                .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        Matcher hidden = HIDDEN.matcher(html);
        while (hidden.find()) {
            form.add(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        assertThat(form.toSingleValueMap()).containsEntry("client_id", CLIENT_ID).containsEntry("redirect_uri", REDIRECT_URI)
                .containsEntry("code_challenge", CHALLENGE).containsEntry("code_challenge_method", "S256").containsEntry("state", "st-1");
        String secondPerson = options(html).get(1);
        form.add("user", secondPerson);
        form.add("decision", "accept");

        URI location = http.post().uri("/atlassian/auth/authorize/decision").body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location.toString()).startsWith(REDIRECT_URI + "?");
        Map<String, String> query = AtlassianSandbox.query(location);
        assertThat(query).containsEntry("state", "st-1").containsKey("code");

        Map<String, Object> tokens = token(Map.of("grant_type", "authorization_code", "code", query.get("code"), "redirect_uri",
                REDIRECT_URI, "code_verifier", VERIFIER)).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(tokens).containsEntry("token_type", "Bearer").containsEntry("scope", JIRA_SCOPES).containsKeys("access_token",
                "refresh_token");
        assertThat(((Number) tokens.get("expires_in")).intValue()).isEqualTo(3600);
        http.get().uri(AtlassianSandbox.jiraApi() + "/myself").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get("access_token"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.accountId").isEqualTo(secondPerson);
    }

    @Test
    void wrongCodeVerifierIsRejectedWithInvalidGrant() {
        String code = autoApprovedCode(Map.of("code_challenge", CHALLENGE, "code_challenge_method", "S256"));

        token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI, "code_verifier",
                "wrongwrongwrongwrongwrongwrongwrongwrongwrong")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
    }

    @Test
    void missingCodeVerifierIsRejectedWhenAChallengeWasSent() {
        String code = autoApprovedCode(Map.of("code_challenge", CHALLENGE, "code_challenge_method", "S256"));

        token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
    }

    @Test
    void consentPageListsTheScopesAndLabelsItsControls() {
        String html = http.get().uri(b -> authorize(b, Map.of())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("Integration Hub").contains("read:jira-work", "manage:jira-webhook", "offline_access")
                .contains("<label for=\"user\">").contains("<select id=\"user\" name=\"user\">")
                .contains(">Accept</button>", ">Deny</button>").contains("action=\"/atlassian/auth/authorize/decision\"");
        assertThat(options(html)).hasSize(AtlassianSandbox.sandbox().issues().people().size());
    }

    @Test
    void denyingConsentRedirectsWithAccessDeniedAndTheState() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", CLIENT_ID);
        form.add("redirect_uri", REDIRECT_URI);
        form.add("scope", JIRA_SCOPES);
        form.add("state", "st-2");
        form.add("decision", "deny");

        URI location = http.post().uri("/atlassian/auth/authorize/decision").body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(AtlassianSandbox.query(location)).containsEntry("error", "access_denied").containsEntry("state", "st-2")
                .doesNotContainKey("code");
    }

    @Test
    void unregisteredRedirectUriGetsAnErrorPageAndNoRedirect() {
        for (String redirect : List.of("https://evil.example/callback", REDIRECT_URI + "/", REDIRECT_URI + "?x=1")) {
            EntityExchangeResult<String> result = http.get().uri(b -> authorize(b, Map.of("redirect_uri", redirect))).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).returnResult();
            assertThat(result.getResponseHeaders().getLocation()).as(redirect).isNull();
            assertThat(result.getResponseBody()).contains("redirect_uri");
        }
    }

    @Test
    void unknownClientIdGetsAnErrorPageAndNoRedirect() {
        EntityExchangeResult<String> result = http.get().uri(b -> authorize(b, Map.of("client_id", "someone-else"))).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult();

        assertThat(result.getResponseHeaders().getLocation()).isNull();
    }

    @Test
    void wrongAudienceRedirectsWithInvalidRequestAndTheState() {
        URI location = http.get().uri(b -> authorize(b, Map.of("audience", "api.example.com"))).exchange()
                .expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(AtlassianSandbox.query(location)).containsEntry("error", "invalid_request").containsEntry("state", "st-1");
    }

    @Test
    void wrongResponseTypeRedirectsWithInvalidRequest() {
        URI location = http.get().uri(b -> authorize(b, Map.of("response_type", "token"))).exchange()
                .expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(AtlassianSandbox.query(location)).containsEntry("error", "invalid_request").containsEntry("state", "st-1");
    }

    @Test
    void autoApprovalRedirectsWithACodeAtOnce() {
        URI location = http.get().uri(b -> authorize(b, Map.of("sandbox_auto_approve", "true"))).exchange()
                .expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(AtlassianSandbox.query(location)).containsKey("code").containsEntry("state", "st-1");
    }

    @Test
    void codeIsSingleUse() {
        String code = autoApprovedCode(Map.of());
        Map<String, String> redeem = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI);
        token(redeem).expectStatus().isOk();

        token(redeem).expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
    }

    @Test
    void redirectUriDifferentFromTheAuthorizationRequestIsInvalidGrant() {
        String code = autoApprovedCode(Map.of());

        token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", "http://localhost:8080/api/oauth/callback/jira"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
    }

    @Test
    void wrongClientSecretIsInvalidClient() {
        Map<String, Object> request = new HashMap<>(Map.of("grant_type", "authorization_code", "code", autoApprovedCode(Map.of()),
                "redirect_uri", REDIRECT_URI, "client_id", CLIENT_ID, "client_secret", "not-the-secret"));

        http.post().uri("/atlassian/auth/oauth/token").bodyValue(request).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_client").jsonPath("$.error_description").isNotEmpty();
    }

    @Test
    void unknownGrantTypeIsUnsupported() {
        token(Map.of("grant_type", "password")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("unsupported_grant_type");
    }

    @Test
    void withoutOfflineAccessNoRefreshTokenIsIssued() {
        Map<String, Object> tokens = AtlassianSandbox.tokens(http, "read:jira-work read:jira-user");

        assertThat(tokens).containsKey("access_token").doesNotContainKey("refresh_token").containsEntry("scope", "read:jira-work read:jira-user");
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        String first = (String) AtlassianSandbox.tokens(http, JIRA_SCOPES).get("refresh_token");

        Map<String, Object> refreshed = refresh(first).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();

        assertThat(refreshed).containsEntry("token_type", "Bearer").containsEntry("scope", JIRA_SCOPES).containsKey("access_token");
        assertThat(refreshed.get("refresh_token")).isNotNull().isNotEqualTo(first);
        refresh((String) refreshed.get("refresh_token")).expectStatus().isOk();
    }

    @Test
    void refreshTokenReusedWithinTheIntervalStillWorks() {
        String first = (String) AtlassianSandbox.tokens(http, JIRA_SCOPES).get("refresh_token");
        refresh(first).expectStatus().isOk();

        Map<String, Object> again = refresh(first).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();

        assertThat(again).containsKeys("access_token", "refresh_token");
        refresh((String) again.get("refresh_token")).expectStatus().isOk();
    }

    @Test
    void unknownRefreshTokenIs403InvalidGrant() {
        refresh("atlr_made-up").expectStatus().isForbidden().expectBody()
                .jsonPath("$.error").isEqualTo("invalid_grant").jsonPath("$.error_description").isNotEmpty();
    }

    @Test
    void tokenEndpointAlsoAcceptsAFormEncodedBody() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("client_id", CLIENT_ID);
        form.add("client_secret", CLIENT_SECRET);
        form.add("code", autoApprovedCode(Map.of()));
        form.add("redirect_uri", REDIRECT_URI);

        http.post().uri("/atlassian/auth/oauth/token").body(BodyInserters.fromFormData(form)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.access_token").isNotEmpty();
    }

    @Test
    void accessibleResourcesListTheSiteAtItsSandboxUrl() {
        String token = AtlassianSandbox.accessToken(JIRA_SCOPES);

        http.get().uri("/atlassian/api/oauth/token/accessible-resources").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(CLOUD_ID)
                .jsonPath("$[0].name").isEqualTo("acme")
                .jsonPath("$[0].url").isEqualTo(AtlassianSandbox.sandbox().baseUrl() + "/atlassian/site/acme")
                .jsonPath("$[0].scopes").value(scopes -> assertThat((List<Object>) scopes)
                        .containsExactly("read:jira-work", "read:jira-user", "manage:jira-webhook"))
                .jsonPath("$[0].avatarUrl").isNotEmpty();
    }

    @Test
    void accessibleResourcesWithoutAValidTokenIs401() {
        http.get().uri("/atlassian/api/oauth/token/accessible-resources").exchange().expectStatus().isUnauthorized();
        http.get().uri("/atlassian/api/oauth/token/accessible-resources").header(HttpHeaders.AUTHORIZATION, "Bearer atl_nope").exchange()
                .expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec token(Map<String, String> params) {
        Map<String, Object> request = new HashMap<>(params);
        request.put("client_id", CLIENT_ID);
        request.put("client_secret", CLIENT_SECRET);
        return http.post().uri("/atlassian/auth/oauth/token").bodyValue(request).exchange();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private String autoApprovedCode(Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>(extra);
        params.put("sandbox_auto_approve", "true");
        URI location = http.get().uri(b -> authorize(b, params)).exchange().expectStatus().isFound().returnResult(Void.class)
                .getResponseHeaders().getLocation();
        return AtlassianSandbox.query(location).get("code");
    }

    /** An authorize URI with every documented parameter; {@code overrides} replace or add some. */
    static URI authorize(UriBuilder builder, Map<String, String> overrides) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("audience", "api.atlassian.com");
        params.put("client_id", CLIENT_ID);
        params.put("scope", JIRA_SCOPES);
        params.put("redirect_uri", REDIRECT_URI);
        params.put("state", "st-1");
        params.put("response_type", "code");
        params.put("prompt", "consent");
        params.putAll(overrides);
        builder.path("/atlassian/auth/authorize");
        Map<String, Object> values = new HashMap<>();
        params.forEach((name, value) -> {
            builder.queryParam(name, "{" + name + "}");
            values.put(name, value);
        });
        return builder.build(values);
    }

    private static List<String> options(String html) {
        return OPTION.matcher(html).results().map(m -> m.group(1)).toList();
    }
}
