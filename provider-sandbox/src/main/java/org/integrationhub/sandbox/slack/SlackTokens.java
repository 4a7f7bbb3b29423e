package org.integrationhub.sandbox.slack;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.integrationhub.sandbox.oauth.AccessGrant;
import org.integrationhub.sandbox.oauth.OAuthServer;
import org.integrationhub.sandbox.oauth.Provider;
import org.integrationhub.sandbox.oauth.TokenPair;
import org.springframework.stereotype.Component;

/**
 * Slack's two kinds of access token over the one {@link OAuthServer}: bot tokens ({@code xoxb-},
 * as the server issues them for Slack) and user tokens, shown as {@code xoxp-} with the same
 * secret part. A grant's subject says which it is: {@code bot|<installer's user id>} or
 * {@code user|<user id>} (a subject without either
 * counts as a bot installed by that subject). Tokens handed out here are remembered, so that a known token that no
 * longer authenticates can be told apart ({@code token_expired}) from an unknown one
 * ({@code invalid_auth}).
 */
@Component
class SlackTokens {

    static final String BOT = "bot|";
    static final String USER = "user|";
    private static final String BOT_PREFIX = "xoxb-";
    private static final String USER_PREFIX = "xoxp-";

    /** Who a valid token speaks for. */
    record Caller(boolean bot, String userId, String scope, String token) {
    }

    /** Why a token does not authenticate: {@code not_authed}, {@code invalid_auth} or {@code token_expired}. */
    record Authentication(Caller caller, String error) {
    }

    private final OAuthServer oauth;
    private final Map<String, Boolean> issued = new ConcurrentHashMap<>();

    SlackTokens(OAuthServer oauth) {
        this.oauth = oauth;
    }

    /** The token a client sees for a pair the server issued. */
    String present(TokenPair pair) {
        issued.put(pair.accessToken(), Boolean.TRUE);
        String token = pair.accessToken();
        return pair.subject().startsWith(USER) && token.startsWith(BOT_PREFIX) ? USER_PREFIX + token.substring(BOT_PREFIX.length()) : token;
    }

    /** The token as the server issued it (a user token's {@code xoxp-} is shown over the server's {@code xoxb-}). */
    static String underlying(String token) {
        return token.startsWith(USER_PREFIX) ? BOT_PREFIX + token.substring(USER_PREFIX.length()) : token;
    }

    Authentication authenticate(String token) {
        if (token == null || token.isBlank()) {
            return new Authentication(null, "not_authed");
        }
        boolean user = token.startsWith(USER_PREFIX);
        String underlying = user ? BOT_PREFIX + token.substring(USER_PREFIX.length()) : token;
        Optional<AccessGrant> grant = oauth.authenticate(Provider.SLACK, underlying);
        if (grant.isEmpty()) {
            return new Authentication(null, issued.containsKey(underlying) ? "token_expired" : "invalid_auth");
        }
        String subject = grant.get().subject();
        boolean botGrant = !subject.startsWith(USER);
        if (user == botGrant) {
            return new Authentication(null, "invalid_auth");
        }
        String userId = subject.substring(subject.indexOf('|') + 1);
        return new Authentication(new Caller(botGrant, userId, grant.get().scope() == null ? "" : grant.get().scope(), token), null);
    }
}
