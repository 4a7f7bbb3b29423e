package org.integrationhub.sandbox.github;

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
 * The parameters of a request as github.com reads them: the query string, then a form-encoded or
 * JSON body (a body field wins over a query parameter of the same name).
 */
final class RequestParams {

    private RequestParams() {
    }

    static Mono<Map<String, String>> of(ServerWebExchange exchange, JsonMapper mapper) {
        Map<String, String> params = new LinkedHashMap<>(exchange.getRequest().getQueryParams().toSingleValueMap());
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        return body(exchange).map(bytes -> {
            if (bytes.length > 0) {
                if (type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
                    params.putAll(json(bytes, mapper));
                } else {
                    params.putAll(form(new String(bytes, StandardCharsets.UTF_8)));
                }
            }
            return params;
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

    /** {@code application/x-www-form-urlencoded}: the first value of each name. */
    static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
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

    private static Map<String, String> json(byte[] bytes, JsonMapper mapper) {
        Map<String, String> params = new LinkedHashMap<>();
        try {
            JsonNode root = mapper.readTree(bytes);
            if (root != null && root.isObject()) {
                for (Map.Entry<String, JsonNode> field : root.properties()) {
                    JsonNode value = field.getValue();
                    params.put(field.getKey(),
                            value == null || value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString());
                }
            }
        } catch (JacksonException e) {
            // GitHub treats an unreadable body as a request without parameters
        }
        return params;
    }
}
