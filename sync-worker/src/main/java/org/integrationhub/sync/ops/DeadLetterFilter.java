package org.integrationhub.sync.ops;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.integrationhub.events.Topics;
import org.integrationhub.support.web.InvalidField;

/**
 * Which dead letters an operator means: of one original topic, with one record key, whose failure
 * reason or exception contains a text; handled ones only when asked. Every field is optional.
 */
record DeadLetterFilter(String topic, String key, String reason, boolean includeHandled) {

    static DeadLetterFilter of(String topic, String key, String reason, Boolean includeHandled) {
        if (topic != null && Topics.byName(topic).filter(t -> !t.isDeadLetter()).isEmpty()) {
            throw new InvalidField("topic", "is not a topic of the catalogue (name the original topic, not its -dlt)");
        }
        return new DeadLetterFilter(blankToNull(topic), blankToNull(key), blankToNull(reason), Boolean.TRUE.equals(includeHandled));
    }

    boolean isEmpty() {
        return topic == null && key == null && reason == null;
    }

    /** The record matches; whether it was handled is decided by the caller. */
    boolean matches(DeadLetter letter) {
        return (topic == null || topic.equals(letter.originalTopic()))
                && (key == null || key.equals(letter.key()))
                && (reason == null || containsIgnoringCase(letter.reason()) || containsIgnoringCase(letter.exception()));
    }

    Map<String, Object> asParameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("topic", topic);
        parameters.put("key", key);
        parameters.put("reason", reason);
        parameters.put("includeHandled", includeHandled);
        return parameters;
    }

    private boolean containsIgnoringCase(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(reason.toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
