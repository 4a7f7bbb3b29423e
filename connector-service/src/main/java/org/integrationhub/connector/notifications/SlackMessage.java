package org.integrationhub.connector.notifications;

import java.util.List;
import java.util.Map;

/** A {@code chat.postMessage} body without the channel: the fallback {@code text} and the Block Kit {@code blocks}. */
record SlackMessage(String text, List<Map<String, Object>> blocks) {

    @Override
    public String toString() {
        return "SlackMessage[blocks=" + blocks.size() + "]"; // the text may hold task titles
    }
}
