package org.integrationhub.connector.oauth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.BodyExtractor;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a token endpoint's answer the way each provider really sends it, for Spring Security's
 * reactive token response clients: JSON or form-encoded (GitHub without {@code Accept: application/json}),
 * errors as non-2xx JSON (Atlassian's 403 {@code invalid_grant}), as HTTP 200 with {@code error}
 * (GitHub) or as {@code ok: false} (Slack), and Slack's {@code token_type: bot}. The access token
 * keeps its expiry only when the provider sent {@code expires_in} ({@link #EXPIRES}); no token
 * lands in the additional parameters (Slack's {@code authed_user} keeps only its id).
 */
final class TokenResponses {

    /** Marks an answer that carried {@code expires_in}; without it the token does not expire. */
    static final String EXPIRES = "hub_expires";

    private static final Set<String> TOKENS = Set.of("access_token", "refresh_token", "id_token");

    private TokenResponses() {
    }

    static BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> extractor(OAuthSettings.Provider provider,
            JsonMapper json) {
        BodyExtractor<Mono<String>, ReactiveHttpInputMessage> text = BodyExtractors.toMono(String.class);
        return (message, context) -> {
            int status = message instanceof ClientHttpResponse response ? response.getStatusCode().value() : 200;
            MediaType type = message.getHeaders().getContentType();
            return text.extract(message, context).defaultIfEmpty("")
                    .map(body -> read(provider, status, type, body, json));
        };
    }

    static OAuth2AccessTokenResponse read(OAuthSettings.Provider provider, int status, MediaType type, String body, JsonMapper json) {
        if (status >= 500 || status == 429) {
            throw TokenRequestFailed.unavailable("HTTP " + status);
        }
        Map<String, Object> answer = parse(type, body, json, status);
        Object error = answer.get("error");
        boolean slackRefused = provider.tokenResponse() == OAuthSettings.TokenResponseFormat.SLACK
                && !Boolean.TRUE.equals(answer.get("ok"));
        if (error != null || slackRefused) {
            String code = error == null ? "not_ok" : String.valueOf(error);
            throw TokenRequestFailed.refused(code, provider.revokedErrors().contains(code));
        }
        if (status >= 400) {
            throw TokenRequestFailed.refused("http_" + status, false);
        }
        Object accessToken = answer.get("access_token");
        if (!(accessToken instanceof String access) || access.isBlank()) {
            throw TokenRequestFailed.refused("invalid_token_response", false);
        }
        var builder = OAuth2AccessTokenResponse.withToken(access).tokenType(OAuth2AccessToken.TokenType.BEARER);
        Map<String, Object> details = new LinkedHashMap<>();
        answer.forEach((key, value) -> {
            if (!TOKENS.contains(key)) {
                details.put(key, "authed_user".equals(key) && value instanceof Map<?, ?> user ? Map.of("id", String.valueOf(user.get("id"))) : value);
            }
        });
        Long expiresIn = number(answer.get("expires_in"));
        if (expiresIn != null && expiresIn > 0) {
            builder.expiresIn(expiresIn);
            details.put(EXPIRES, Boolean.TRUE);
        }
        if (answer.get("refresh_token") instanceof String refresh && !refresh.isBlank()) {
            builder.refreshToken(refresh);
        }
        if (answer.get("scope") instanceof String scope && !scope.isBlank()) {
            builder.scopes(new LinkedHashSet<>(Arrays.asList(scope.trim().split("[,\\s]+"))));
        }
        details.values().removeIf(java.util.Objects::isNull);
        return builder.additionalParameters(details).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(MediaType type, String body, JsonMapper json, int status) {
        if (type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            Map<String, Object> form = new LinkedHashMap<>();
            UriComponentsBuilder.newInstance().query(body).build().getQueryParams()
                    .forEach((key, values) -> form.put(key, values.isEmpty() || values.get(0) == null ? null
                            : java.net.URLDecoder.decode(values.get(0), java.nio.charset.StandardCharsets.UTF_8)));
            return form;
        }
        try {
            Object parsed = json.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (RuntimeException unreadable) {
            // falls through: not a token answer
        }
        throw status >= 400 ? TokenRequestFailed.refused("http_" + status, false)
                : TokenRequestFailed.refused("invalid_token_response", false);
    }

    private static Long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && s.matches("\\d+")) {
            return Long.parseLong(s);
        }
        return null;
    }
}
