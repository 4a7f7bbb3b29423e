package org.integrationhub.sandbox.atlassian;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.integrationhub.sandbox.ProviderSandbox;
import org.integrationhub.sandbox.SandboxHarness;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The JVM's one sandbox ({@link SandboxHarness}), reached over real HTTP, plus the OAuth steps most
 * tests need.
 */
final class AtlassianSandbox {

    static final String CLIENT_ID = "sandbox-atlassian-client";
    static final String CLIENT_SECRET = "sandbox-atlassian-secret";
    static final String REDIRECT_URI = "http://localhost:8082/api/oauth/callback/jira";
    static final String CLOUD_ID = "11223344-aaaa-bbbb-cccc-1234567890ab";
    static final String SITE = "acme";
    static final String JIRA_SCOPES = "read:jira-work read:jira-user manage:jira-webhook offline_access";
    static final String CONFLUENCE_SCOPES = "read:page:confluence read:space:confluence offline_access";
    static final String API_TOKEN_EMAIL = "admin@acme.example";
    static final String API_TOKEN = "sandbox-jira-api-token";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private AtlassianSandbox() {
    }

    static ProviderSandbox sandbox() {
        return SandboxHarness.sandbox();
    }

    static WebTestClient http() {
        return SandboxHarness.http();
    }

    static WebTestClient http(ProviderSandbox instance) {
        return SandboxHarness.http(instance);
    }

    static String jiraApi() {
        return "/atlassian/api/ex/jira/" + CLOUD_ID + "/rest/api/3";
    }

    static String siteApi() {
        return "/atlassian/site/" + SITE + "/rest/api/3";
    }

    static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((API_TOKEN_EMAIL + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
    }

    /** Authorize with auto-approval, as a script would, and return the redirect's code. */
    static String code(WebTestClient http, String scope) {
        URI location = http.get().uri(b -> b.path("/atlassian/auth/authorize").queryParam("audience", "api.atlassian.com")
                        .queryParam("client_id", CLIENT_ID).queryParam("scope", "{scope}").queryParam("redirect_uri", "{redirect}")
                        .queryParam("state", "s1").queryParam("response_type", "code").queryParam("prompt", "consent")
                        .queryParam("sandbox_auto_approve", "true").build(scope, REDIRECT_URI))
                .exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        return query(location).get("code");
    }

    static Map<String, Object> tokens(WebTestClient http, String scope) {
        Map<String, Object> request = new HashMap<>();
        request.put("grant_type", "authorization_code");
        request.put("client_id", CLIENT_ID);
        request.put("client_secret", CLIENT_SECRET);
        request.put("code", code(http, scope));
        request.put("redirect_uri", REDIRECT_URI);
        Map<String, Object> tokens = http.post().uri("/atlassian/auth/oauth/token").bodyValue(request).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(tokens).containsKey("access_token");
        return tokens;
    }

    static String accessToken(String scope) {
        return (String) tokens(http(), scope).get("access_token");
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        UriComponentsBuilder.fromUri(uri).build().getQueryParams()
                .forEach((key, list) -> values.put(key, list.isEmpty() || list.get(0) == null ? null
                        : URLDecoder.decode(list.get(0), StandardCharsets.UTF_8)));
        return values;
    }
}
