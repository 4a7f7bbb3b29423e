package org.integrationhub.sandbox.atlassian;

import java.util.LinkedHashMap;
import java.util.Map;
import org.integrationhub.sandbox.oauth.OAuthResult;
import org.integrationhub.sandbox.oauth.OAuthServer;
import org.integrationhub.sandbox.oauth.Provider;
import org.integrationhub.sandbox.oauth.TokenPair;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code POST https://auth.atlassian.com/oauth/token}: code and refresh grants. A wrong client is
 * 401 {@code invalid_client}; a bad code (unknown, used, expired, wrong redirect URI, PKCE failure)
 * is 400 {@code invalid_grant}; a dead refresh token (unknown, revoked, reused after the interval,
 * which also kills its family) is 403 {@code invalid_grant}. A refresh token comes back only when
 * {@code offline_access} was granted; every refresh rotates it.
 */
@Component
class TokenExchange {

    private final AtlassianApp app;
    private final OAuthServer oauth;

    TokenExchange(AtlassianApp app, OAuthServer oauth) {
        this.app = app;
        this.oauth = oauth;
    }

    ResponseEntity<Map<String, Object>> exchange(Map<String, String> params) {
        String grantType = AuthorizeRequest.blankToNull(params.get("grant_type"));
        if (grantType == null) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is required");
        }
        if (!"authorization_code".equals(grantType) && !"refresh_token".equals(grantType)) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "Unsupported grant type: " + grantType);
        }
        String clientId = params.get("client_id");
        if (!app.clientAuthenticates(clientId, params.get("client_secret"))) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Client authentication failed");
        }
        return "authorization_code".equals(grantType) ? redeem(params, clientId) : refresh(params, clientId);
    }

    private ResponseEntity<Map<String, Object>> redeem(Map<String, String> params, String clientId) {
        String code = AuthorizeRequest.blankToNull(params.get("code"));
        String redirectUri = AuthorizeRequest.blankToNull(params.get("redirect_uri"));
        if (code == null || redirectUri == null) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "code and redirect_uri are required");
        }
        OAuthResult result = oauth.redeemCode(Provider.ATLASSIAN, code, clientId, redirectUri,
                AuthorizeRequest.blankToNull(params.get("code_verifier")), app.accessTokenLifetime(), true);
        if (!result.isOk()) {
            String description = switch (result.error()) {
                case REDIRECT_MISMATCH -> "redirect_uri does not match the one of the authorization request";
                case PKCE_FAILED -> "code_verifier does not match the code_challenge";
                default -> "Invalid authorization code";
            };
            return error(HttpStatus.BAD_REQUEST, "invalid_grant", description);
        }
        TokenPair tokens = result.tokens();
        boolean offline = AtlassianApp.scopes(tokens.scope()).contains(AtlassianApp.OFFLINE_ACCESS);
        if (!offline && tokens.refreshToken() != null) {
            oauth.revoke(tokens.refreshToken());
        }
        return ok(tokens, offline);
    }

    private ResponseEntity<Map<String, Object>> refresh(Map<String, String> params, String clientId) {
        String refreshToken = AuthorizeRequest.blankToNull(params.get("refresh_token"));
        if (refreshToken == null) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "refresh_token is required");
        }
        OAuthResult result = oauth.refresh(Provider.ATLASSIAN, refreshToken, clientId, app.accessTokenLifetime(),
                app.refreshReuseInterval());
        if (!result.isOk()) {
            return error(HttpStatus.FORBIDDEN, "invalid_grant", "Unknown or invalid refresh token.");
        }
        return ok(result.tokens(), true);
    }

    private static ResponseEntity<Map<String, Object>> ok(TokenPair tokens, boolean withRefreshToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.accessToken());
        body.put("expires_in", tokens.expiresInSeconds());
        body.put("token_type", "Bearer");
        if (withRefreshToken) {
            body.put("refresh_token", tokens.refreshToken());
        }
        body.put("scope", tokens.scope());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
    }
}
