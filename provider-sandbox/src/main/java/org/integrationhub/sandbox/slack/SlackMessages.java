package org.integrationhub.sandbox.slack;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Every message posted through {@code chat.postMessage}, in order, with Slack's message
 * timestamps ({@code <epoch seconds>.<6 digits>}, unique and increasing). Channel names
 * ({@code general}, {@code #general}) map to stable channel ids, as Slack resolves them.
 */
@Component
class SlackMessages {

    /** One posted message: {@code user} is the bot user for bot tokens, {@code botId} null for user tokens. */
    record Message(String channel, String ts, String text, JsonNode blocks, String user, String botId, String threadTs) {
    }

    private final Clock clock;
    private final ConcurrentLinkedQueue<Message> messages = new ConcurrentLinkedQueue<>();
    private long lastMicros;

    SlackMessages(Clock clock) {
        this.clock = clock;
    }

    Message post(String channel, String text, JsonNode blocks, String user, String botId, String threadTs) {
        Message message = new Message(channelId(channel), nextTs(), text, blocks, user, botId, threadTs);
        messages.add(message);
        return message;
    }

    List<Message> in(String channel) {
        String id = channel == null || channel.isBlank() ? null : channelId(channel);
        return messages.stream().filter(m -> id == null || m.channel().equals(id)).toList();
    }

    void clear() {
        messages.clear();
    }

    /** An id ({@code C…}, {@code G…}, {@code D…}) as is; a name, with or without {@code #}, to a stable {@code C…} id. */
    static String channelId(String channel) {
        String value = channel.trim();
        if (value.matches("[CGD][A-Z0-9]{8,}")) {
            return value;
        }
        String name = (value.startsWith("#") ? value.substring(1) : value).toLowerCase(Locale.ROOT);
        return "C" + String.format("%010X", Integer.toUnsignedLong(name.hashCode()) * 31 + name.length());
    }

    private synchronized String nextTs() {
        Instant now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        lastMicros = Math.max(micros, lastMicros + 1);
        return String.format("%d.%06d", lastMicros / 1_000_000L, lastMicros % 1_000_000L);
    }
}
