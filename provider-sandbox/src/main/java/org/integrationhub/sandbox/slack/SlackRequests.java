package org.integrationhub.sandbox.slack;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.integrationhub.sandbox.RequestArguments;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The arguments of a Web API call as Slack reads them ({@link RequestArguments}: the query string,
 * then a form body, or a JSON body for methods that take JSON), and the credentials it carried.
 */
final class SlackRequests {

    /** The arguments of one call, and the credentials it carried. */
    record Call(Map<String, Object> args, String bearer, String basicUser, String basicPassword, boolean json, boolean invalidJson) {

        String text(String name) {
            Object value = args.get(name);
            if (value == null) {
                return null;
            }
            return value instanceof JsonNode node ? (node.isValueNode() ? node.asString() : node.toString()) : value.toString();
        }

        /** A Bearer header, else the {@code token} argument (not accepted in JSON bodies, as at Slack). */
        String token() {
            if (bearer != null) {
                return bearer;
            }
            return json ? null : text("token");
        }
    }

    private SlackRequests() {
    }

    static Mono<Call> read(ServerWebExchange exchange, JsonMapper mapper) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        String bearer = null;
        String basicUser = null;
        String basicPassword = null;
        if (authorization != null) {
            String value = authorization.trim();
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.startsWith("bearer ")) {
                bearer = value.substring(7).trim();
            } else if (lower.startsWith("basic ")) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    if (colon >= 0) {
                        basicUser = decoded.substring(0, colon);
                        basicPassword = decoded.substring(colon + 1);
                    }
                } catch (IllegalArgumentException e) {
                    // not Basic credentials after all
                }
            }
        }
        String finalBearer = bearer;
        String finalUser = basicUser;
        String finalPassword = basicPassword;
        return RequestArguments.read(exchange, mapper).map(arguments -> new Call(arguments.values(), finalBearer, finalUser,
                finalPassword, arguments.json(), arguments.invalidJson()));
    }
}
