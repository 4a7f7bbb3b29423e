package org.integrationhub.sandbox.github;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.integrationhub.sandbox.RequestArguments;
import org.integrationhub.sandbox.oauth.OAuthResult;
import org.integrationhub.sandbox.oauth.OAuthServer;
import org.integrationhub.sandbox.oauth.Provider;
import org.integrationhub.sandbox.oauth.TokenPair;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST https://github.com/login/oauth/access_token}: parameters in the query, a form or a
 * JSON body. The answer is form-encoded unless the request accepts {@code application/json};
 * errors are HTTP 200 too, with {@code error}, {@code error_description} and {@code error_uri}.
 * Expiring tokens (GitHub App user tokens) come with a refresh token that rotates on every use,
 * with no grace period for the rotated-out one.
 */
@RestController
class GitHubTokenController {

    static final String PATH = "/github/web/login/oauth/access_token";

    private static final String TROUBLESHOOTING =
            "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/";

    private final GitHubApp app;
    private final OAuthServer oauth;
    private final JsonMapper mapper;

    GitHubTokenController(GitHubApp app, OAuthServer oauth, JsonMapper mapper) {
        this.app = app;
        this.oauth = oauth;
        this.mapper = mapper;
    }

    @PostMapping(PATH)
    Mono<ResponseEntity<String>> token(ServerWebExchange exchange) {
        boolean json = exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> "application".equals(type.getType())
                        && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json")));
        return RequestArguments.read(exchange, mapper).map(arguments -> answer(exchange(arguments.strings()), json));
    }

    Map<String, Object> exchange(Map<String, String> params) {
        String clientId = params.get("client_id");
        if (!app.authenticates(clientId, params.get("client_secret"))) {
            return error("incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.");
        }
        String grantType = params.get("grant_type");
        if ("refresh_token".equals(grantType)) {
            if (!app.expiringTokens()) {
                return error("bad_refresh_token", "The refresh token passed is incorrect or expired.");
            }
            OAuthResult result = oauth.refresh(Provider.GITHUB, params.get("refresh_token"), clientId, app.accessTokenLifetime(),
                    Duration.ZERO);
            return result.isOk() ? tokens(result.tokens())
                    : error("bad_refresh_token", "The refresh token passed is incorrect or expired.");
        }
        if (grantType != null && !grantType.isEmpty() && !"authorization_code".equals(grantType)) {
            return error("unsupported_grant_type", "The grant type " + grantType + " is not supported.");
        }
        OAuthResult result = oauth.redeemCode(Provider.GITHUB, params.get("code"), clientId, emptyToNull(params.get("redirect_uri")),
                emptyToNull(params.get("code_verifier")), app.accessTokenLifetime(), app.expiringTokens());
        if (result.isOk()) {
            return tokens(result.tokens());
        }
        return switch (result.error()) {
            case REDIRECT_MISMATCH -> error("redirect_uri_mismatch",
                    "The redirect_uri MUST match the registered callback URL for this application.");
            case INVALID_CLIENT -> error("incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.");
            default -> error("bad_verification_code", "The code passed is incorrect or expired.");
        };
    }

    private Map<String, Object> tokens(TokenPair tokens) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", tokens.accessToken());
        if (app.expiringTokens()) {
            answer.put("expires_in", tokens.expiresInSeconds());
            answer.put("refresh_token", tokens.refreshToken());
            answer.put("refresh_token_expires_in", GitHubApp.REFRESH_TOKEN_LIFETIME_SECONDS);
        }
        answer.put("scope", tokens.scope() == null ? "" : tokens.scope());
        answer.put("token_type", "bearer");
        return answer;
    }

    private static Map<String, Object> error(String error, String description) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", error);
        answer.put("error_description", description);
        answer.put("error_uri", TROUBLESHOOTING + "#" + error.replace('_', '-'));
        return answer;
    }

    private ResponseEntity<String> answer(Map<String, Object> answer, boolean json) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.VARY, "Accept");
        if (json) {
            return ok.contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsString(answer));
        }
        return ok.contentType(new MediaType(MediaType.APPLICATION_FORM_URLENCODED, StandardCharsets.UTF_8)).body(formEncode(answer));
    }

    static String formEncode(Map<String, Object> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
