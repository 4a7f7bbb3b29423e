package org.integrationhub.sandbox.slack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.integrationhub.sandbox.SandboxSettings;
import org.integrationhub.sandbox.oauth.OAuthResult;
import org.integrationhub.sandbox.oauth.OAuthServer;
import org.integrationhub.sandbox.oauth.Provider;
import org.integrationhub.sandbox.oauth.TokenPair;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST https://slack.com/api/oauth.v2.access}, form-encoded: {@code code},
 * {@code redirect_uri}, {@code code_verifier}, client credentials as form fields or HTTP Basic; or
 * {@code grant_type=refresh_token} with {@code refresh_token}. Every answer is HTTP 200:
 * {@code {ok: true, access_token: "xoxb-…", token_type: "bot", scope, bot_user_id, app_id, team,
 * enterprise, authed_user: {id, scope, access_token: "xoxp-…", token_type: "user"}}} (the user
 * token only when user scopes were granted), plus {@code expires_in} and {@code refresh_token}
 * with token rotation; or {@code {ok: false, error}}. A rotated-out refresh token stays usable for
 * the sandbox's refresh reuse interval.
 */
@RestController
class SlackOAuthController {

    private final SlackApp app;
    private final SlackTokens tokens;
    private final SlackInstalls installs;
    private final OAuthServer oauth;
    private final Duration reuseInterval;
    private final JsonMapper mapper;

    SlackOAuthController(SlackApp app, SlackTokens tokens, SlackInstalls installs, OAuthServer oauth, SandboxSettings settings,
            JsonMapper mapper) {
        this.app = app;
        this.tokens = tokens;
        this.installs = installs;
        this.oauth = oauth;
        this.reuseInterval = settings.refreshReuseInterval() == null ? Duration.ZERO : settings.refreshReuseInterval();
        this.mapper = mapper;
    }

    @PostMapping("/slack/api/oauth.v2.access")
    Mono<Map<String, Object>> access(ServerWebExchange exchange) {
        return SlackRequests.read(exchange, mapper).map(this::exchange);
    }

    Map<String, Object> exchange(SlackRequests.Call call) {
        String clientId = call.basicUser() != null ? call.basicUser() : call.text("client_id");
        String clientSecret = call.basicUser() != null ? call.basicPassword() : call.text("client_secret");
        if (clientId == null || !app.knowsClient(clientId)) {
            return SlackApiController.error("invalid_client_id");
        }
        if (!app.secretMatches(clientSecret)) {
            return SlackApiController.error("bad_client_secret");
        }
        String grantType = call.text("grant_type");
        if ("refresh_token".equals(grantType)) {
            if (!app.tokenRotation()) {
                return SlackApiController.error("invalid_refresh_token");
            }
            OAuthResult result = oauth.refresh(Provider.SLACK, call.text("refresh_token"), clientId, app.accessTokenLifetime(),
                    reuseInterval);
            return result.isOk() ? refreshed(result.tokens()) : SlackApiController.error("invalid_refresh_token");
        }
        if (grantType != null && !grantType.isEmpty() && !"authorization_code".equals(grantType)) {
            return SlackApiController.error("invalid_grant_type");
        }
        String code = call.text("code");
        String userScope = installs.take(code);
        OAuthResult result = oauth.redeemCode(Provider.SLACK, code, clientId, emptyToNull(call.text("redirect_uri")),
                emptyToNull(call.text("code_verifier")), app.accessTokenLifetime(), app.tokenRotation());
        if (!result.isOk()) {
            return SlackApiController.error(switch (result.error()) {
                case REDIRECT_MISMATCH -> "bad_redirect_uri";
                case INVALID_CLIENT -> "invalid_client_id";
                default -> "invalid_code";
            });
        }
        TokenPair main = result.tokens();
        String userId = main.subject().substring(main.subject().indexOf('|') + 1);
        TokenPair user = null;
        if (main.subject().startsWith(SlackTokens.USER)) {
            user = main;
        } else if (userScope != null && !userScope.isEmpty()) {
            String userCode = oauth.issueCode(Provider.SLACK, clientId, null, userScope, null, null, SlackTokens.USER + userId);
            OAuthResult userResult = oauth.redeemCode(Provider.SLACK, userCode, clientId, null, null, app.accessTokenLifetime(),
                    app.tokenRotation());
            user = userResult.tokens();
        }

        Map<String, Object> answer = ok();
        answer.put("app_id", SlackApp.APP_ID);
        Map<String, Object> authedUser = new LinkedHashMap<>();
        authedUser.put("id", userId);
        if (user != null) {
            authedUser.put("scope", user.scope());
            authedUser.put("access_token", tokens.present(user));
            authedUser.put("token_type", "user");
            rotation(authedUser, user);
        }
        answer.put("authed_user", authedUser);
        if (user != main) {
            answer.put("scope", main.scope());
            answer.put("token_type", "bot");
            answer.put("access_token", tokens.present(main));
            answer.put("bot_user_id", SlackApp.BOT_USER_ID);
            rotation(answer, main);
        }
        workspace(answer);
        return answer;
    }

    private Map<String, Object> refreshed(TokenPair pair) {
        boolean user = pair.subject().startsWith(SlackTokens.USER);
        Map<String, Object> answer = ok();
        answer.put("app_id", SlackApp.APP_ID);
        if (user) {
            answer.put("authed_user", Map.of("id", pair.subject().substring(SlackTokens.USER.length())));
        }
        answer.put("scope", pair.scope());
        answer.put("token_type", user ? "user" : "bot");
        answer.put("access_token", tokens.present(pair));
        if (!user) {
            answer.put("bot_user_id", SlackApp.BOT_USER_ID);
        }
        rotation(answer, pair);
        workspace(answer);
        return answer;
    }

    private void rotation(Map<String, Object> target, TokenPair pair) {
        if (app.tokenRotation() && pair.refreshToken() != null) {
            target.put("refresh_token", pair.refreshToken());
            target.put("expires_in", pair.expiresInSeconds());
        }
    }

    private void workspace(Map<String, Object> answer) {
        Map<String, Object> team = new LinkedHashMap<>();
        team.put("id", app.teamId());
        team.put("name", app.teamName());
        answer.put("team", team);
        answer.put("enterprise", null);
        answer.put("is_enterprise_install", false);
    }

    private static Map<String, Object> ok() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", true);
        return answer;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
