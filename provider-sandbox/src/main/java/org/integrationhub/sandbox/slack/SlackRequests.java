package org.integrationhub.sandbox.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The arguments of a Web API call as Slack reads them: the query string, then a form body, or a
 * JSON body (for methods that take JSON). Scalars are strings; JSON arrays and objects stay
 * {@link JsonNode}s.
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
        Map<String, Object> args = new LinkedHashMap<>(exchange.getRequest().getQueryParams().toSingleValueMap());
        HttpHeaders headers = exchange.getRequest().getHeaders();
        MediaType type = headers.getContentType();
        boolean json = type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type);
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
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
        return body(exchange).map(bytes -> {
            boolean invalid = false;
            if (bytes.length > 0) {
                if (json) {
                    Map<String, Object> fields = json(bytes, mapper);
                    invalid = fields == null;
                    if (fields != null) {
                        args.putAll(fields);
                    }
                } else {
                    args.putAll(form(new String(bytes, StandardCharsets.UTF_8)));
                }
            }
            return new Call(args, finalBearer, finalUser, finalPassword, json, invalid);
        });
    }

    static Mono<byte[]> body(ServerWebExchange exchange) {
        return DataBufferUtils.join(exchange.getRequest().getBody()).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }).defaultIfEmpty(new byte[0]);
    }

    static Map<String, Object> form(String body) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** The fields of a JSON object body; null when the body is not JSON. */
    private static Map<String, Object> json(byte[] bytes, JsonMapper mapper) {
        Map<String, Object> params = new LinkedHashMap<>();
        try {
            JsonNode root = mapper.readTree(bytes);
            if (root != null && root.isObject()) {
                for (Map.Entry<String, JsonNode> field : root.properties()) {
                    JsonNode value = field.getValue();
                    params.put(field.getKey(), value == null || value.isNull() ? null : value.isValueNode() ? value.asString() : value);
                }
            }
        } catch (JacksonException e) {
            return null;
        }
        return params;
    }
}
