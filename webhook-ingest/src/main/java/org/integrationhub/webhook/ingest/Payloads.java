package org.integrationhub.webhook.ingest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading bodies strictly: a JSON object, or an application/x-www-form-urlencoded form. */
final class Payloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Payloads() {
    }

    static JsonNode jsonObject(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw WebhookRejected.malformed("a JSON object");
            }
            return node;
        } catch (JacksonException notJson) {
            throw WebhookRejected.malformed("well-formed JSON");
        }
    }

    static JsonNode jsonObject(String body) {
        return jsonObject(body.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return fields;
        }
        try {
            for (String pair : text.split("&", -1)) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException badEscape) {
            throw WebhookRejected.malformed("a well-formed form");
        }
        return fields;
    }

    /** Text of a field, or null when it is missing or not a string. */
    static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String name : path) {
            current = current == null ? null : current.get(name);
        }
        return current != null && current.isString() ? current.asString() : null;
    }

    /** The named headers that are present, values as sent. */
    static Map<String, String> keep(Inbound delivery, List<String> names) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : names) {
            String value = delivery.header(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return kept;
    }
}
