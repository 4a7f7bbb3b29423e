package org.integrationhub.gateway.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's JSON as a page's model: objects become maps in which a field the service left out
 * reads as null (like a field it sent as null), so a template can say {@code ${task.url}} whether
 * or not the service wrote {@code "url": null}. Only for rendering.
 */
final class ViewData extends LinkedHashMap<String, Object> {

    private ViewData(Map<?, ?> fields) {
        fields.forEach((key, value) -> put(String.valueOf(key), of(value)));
    }

    static Object of(Object json) {
        if (json instanceof Map<?, ?> map) {
            return new ViewData(map);
        }
        if (json instanceof List<?> list) {
            return list.stream().map(ViewData::of).toList();
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> json) {
        return (Map<String, Object>) of(json);
    }

    /** The {@code data} array of a service's answer, or an empty list when the answer has none. */
    static List<?> listIn(Map<String, Object> body) {
        return body.get("data") instanceof List<?> list ? list : List.of();
    }

    /** Every field is readable; a missing one is null. */
    @Override
    public boolean containsKey(Object key) {
        return true;
    }
}
