package org.integrationhub.sandbox.slack;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Test steps of Slack's OAuth v2 install flow. */
final class SlackOAuth {

    static final String CLIENT_ID = "sandbox-slack-client";
    static final String CLIENT_SECRET = "sandbox-slack-secret";
    static final String SIGNING_SECRET = "sandbox-slack-signing-secret";
    static final String REDIRECT_URI = "http://localhost:8082/api/oauth/callback/slack";
    static final String BOT_SCOPES = "chat:write,channels:read";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    private SlackOAuth() {
    }

    /** Auto-approves (as {@code user}, null: the first person) and returns the code from the redirect. */
    static String code(WebTestClient http, String scope, String userScope, String user) {
        URI location = http.get().uri(b -> {
            b.path("/slack/oauth/v2/authorize").queryParam("client_id", CLIENT_ID).queryParam("redirect_uri", REDIRECT_URI)
                    .queryParam("state", "st").queryParam("sandbox_auto_approve", "true");
            if (scope != null) {
                b.queryParam("scope", scope);
            }
            if (userScope != null) {
                b.queryParam("user_scope", userScope);
            }
            if (user != null) {
                b.queryParam("sandbox_user", user);
            }
            return b.build();
        }).exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        return query(location).get("code");
    }

    static Map<String, Object> access(WebTestClient http, BodyInserters.FormInserter<String> form) {
        return http.post().uri("/slack/api/oauth.v2.access").body(form).exchange().expectStatus().isOk().expectBody(JSON)
                .returnResult().getResponseBody();
    }

    static BodyInserters.FormInserter<String> credentials() {
        return BodyInserters.fromFormData("client_id", CLIENT_ID).with("client_secret", CLIENT_SECRET);
    }

    /** A fresh bot token with {@code scope} (null: chat:write and channels:read). */
    static String botToken(WebTestClient http, String scope) {
        String code = code(http, scope == null ? BOT_SCOPES : scope, null, null);
        return (String) access(http, credentials().with("code", code).with("redirect_uri", REDIRECT_URI)).get("access_token");
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
