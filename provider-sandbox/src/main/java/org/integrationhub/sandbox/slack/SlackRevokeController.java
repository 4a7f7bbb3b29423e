package org.integrationhub.sandbox.slack;

import java.util.LinkedHashMap;
import java.util.Map;
import org.integrationhub.sandbox.oauth.OAuthServer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code https://slack.com/api/auth.revoke}: revokes the calling token (Bearer or {@code token}
 * field), {@code {ok: true, revoked: true}}; {@code test=true} only checks it. HTTP 200 with
 * {@code ok: false} for a token that does not authenticate.
 */
@RestController
class SlackRevokeController {

    private final SlackTokens tokens;
    private final OAuthServer oauth;
    private final JsonMapper mapper;

    SlackRevokeController(SlackTokens tokens, OAuthServer oauth, JsonMapper mapper) {
        this.tokens = tokens;
        this.oauth = oauth;
        this.mapper = mapper;
    }

    @RequestMapping(path = "/slack/api/auth.revoke", method = {RequestMethod.GET, RequestMethod.POST})
    Mono<Map<String, Object>> revoke(ServerWebExchange exchange) {
        return SlackRequests.read(exchange, mapper).map(call -> {
            SlackTokens.Authentication auth = tokens.authenticate(call.token());
            if (auth.caller() == null) {
                return SlackApiController.error(auth.error());
            }
            boolean test = "true".equalsIgnoreCase(call.text("test")) || "1".equals(call.text("test"));
            if (!test) {
                oauth.revoke(SlackTokens.underlying(call.token()));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ok", true);
            answer.put("revoked", !test);
            return answer;
        });
    }
}
