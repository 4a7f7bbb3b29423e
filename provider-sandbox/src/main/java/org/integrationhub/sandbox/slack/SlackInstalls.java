package org.integrationhub.sandbox.slack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The user scopes a pending authorization code also grants. The code itself (issued by the OAuth
 * server) carries the bot scopes, or the user scopes when no bot scope was asked for; when both
 * were, the user token is minted at the exchange from what is kept here.
 */
@Component
class SlackInstalls {

    private final Map<String, String> userScopes = new ConcurrentHashMap<>();

    void remember(String code, String userScope) {
        userScopes.put(code, userScope);
    }

    /** The user scope of a code, once: null when the code carries no separate user grant. */
    String take(String code) {
        return code == null ? null : userScopes.remove(code);
    }
}
