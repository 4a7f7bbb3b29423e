package org.integrationhub.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request's arguments as github.com and slack.com read them: the query, then a form or JSON body (a body field wins).
 * Values are strings, JSON null null, JSON arrays and objects {@link JsonNode}s; an unparsable JSON body adds nothing.
 */
public record RequestArguments(Map<String, Object> values, boolean json, boolean invalidJson) {

    public static Mono<RequestArguments> read(ServerWebExchange exchange, JsonMapper mapper) {
        Map<String, Object> values = new LinkedHashMap<>(exchange.getRequest().getQueryParams().toSingleValueMap());
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        boolean json = type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type);
        return body(exchange).map(bytes -> {
            boolean invalid = false;
            if (bytes.length > 0) {
                Map<String, Object> fields = json ? json(bytes, mapper) : form(new String(bytes, StandardCharsets.UTF_8));
                invalid = fields == null;
                if (fields != null) {
                    values.putAll(fields);
                }
            }
            return new RequestArguments(values, json, invalid);
        });
    }

    /** Every value as text, JSON arrays and objects as their JSON. */
    public Map<String, String> strings() {
        Map<String, String> strings = new LinkedHashMap<>();
        values.forEach((name, value) -> strings.put(name, value == null ? null : value.toString()));
        return strings;
    }

    private static Mono<byte[]> body(ServerWebExchange exchange) {
        return DataBufferUtils.join(exchange.getRequest().getBody()).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }).defaultIfEmpty(new byte[0]);
    }

    /** {@code application/x-www-form-urlencoded}: the first value of each name. */
    private static Map<String, Object> form(String body) {
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

    /** The fields of a JSON object body (none for another JSON value); null when the body is not JSON. */
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
