package org.integrationhub.sandbox.github;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Test steps of github.com's OAuth flow, as a browser and a client would take them. */
final class GitHubOAuth {

    static final String CLIENT_ID = "sandbox-github-client";
    static final String CLIENT_SECRET = "sandbox-github-secret";
    static final String REDIRECT_URI = "http://localhost:8082/api/oauth/callback/github";
    /**
     * RFC 7636, appendix B: the verifier is the base64url form of the appendix's 32 octets (116, 24,
     * 223, 180, ...). ({@code dBjftJeZ4CVP-mJ92K9X7HnFbs6JqUqJoj5y5m6mlD8}, sometimes quoted for it,
     * is a garbled copy whose S256 challenge is something else.)
     */
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    private GitHubOAuth() {
    }

    /** Auto-approves as {@code login} (null: the first person) and returns the code from the redirect. */
    static String code(WebTestClient http, String login, String challenge) {
        URI location = http.get().uri(b -> {
            b.path("/github/web/login/oauth/authorize").queryParam("client_id", CLIENT_ID).queryParam("redirect_uri", REDIRECT_URI)
                    .queryParam("scope", "repo read:user").queryParam("state", "s1").queryParam("sandbox_auto_approve", "true");
            if (login != null) {
                b.queryParam("sandbox_user", login);
            }
            if (challenge != null) {
                b.queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256");
            }
            return b.build();
        }).exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        return query(location).get("code");
    }

    /** A fresh access token of {@code login} (null: the first person), through the whole flow. */
    static String token(WebTestClient http, String login) {
        String code = code(http, login, null);
        Map<String, Object> answer = http.post().uri("/github/web/login/oauth/access_token").accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromFormData("client_id", CLIENT_ID).with("client_secret", CLIENT_SECRET).with("code", code)
                        .with("redirect_uri", REDIRECT_URI))
                .exchange().expectStatus().isOk().expectBody(JSON)
                .returnResult().getResponseBody();
        return (String) answer.get("access_token");
    }

    static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
