package org.integrationhub.sync.ops;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.integrationhub.events.Topics;
import org.integrationhub.support.web.InvalidField;

/**
 * A slice of a topic to run through the pipeline again (ADR 0015, 0017): {@code topic} is
 * {@code integration.task-observations} (the default) or {@code integration.webhook-deliveries};
 * a time window ({@code from} inclusive, {@code to} exclusive; open ends mean the first record and
 * the end at the start of the replay), or one partition's offset range ({@code fromOffset} and
 * {@code toOffset} inclusive); optionally only one organisation's or one connection's records.
 * {@code mode} is {@code safe} (the default: what was applied stays as it is) or
 * {@code renormalise} (webhook deliveries only: normalised again by the current rules, and tasks
 * whose content changed are updated).
 */
record ReplayRequest(String topic, String mode, Instant from, Instant to, Integer partition, Long fromOffset, Long toOffset,
        UUID organisationId, UUID connectionId) {

    static final String SAFE = "safe";
    static final String RENORMALISE = "renormalise";

    /** The request with its defaults filled in; {@link InvalidField} when it cannot run. */
    ReplayRequest validated() {
        String topicName = topic == null || topic.isBlank() ? Topics.TASK_OBSERVATIONS.name() : topic;
        String modeName = mode == null || mode.isBlank() ? SAFE : mode.toLowerCase(Locale.ROOT);
        if (Topics.SYNC_REQUESTS.name().equals(topicName)) {
            throw new InvalidField("topic", "sync requests are not replayed: that would call the providers again; request a sync instead");
        }
        if (!Topics.TASK_OBSERVATIONS.name().equals(topicName) && !Topics.WEBHOOK_DELIVERIES.name().equals(topicName)) {
            throw new InvalidField("topic", "must be " + Topics.TASK_OBSERVATIONS.name() + " or " + Topics.WEBHOOK_DELIVERIES.name());
        }
        if (!SAFE.equals(modeName) && !RENORMALISE.equals(modeName)) {
            throw new InvalidField("mode", "must be safe or renormalise");
        }
        if (RENORMALISE.equals(modeName) && !Topics.WEBHOOK_DELIVERIES.name().equals(topicName)) {
            throw new InvalidField("mode", "only webhook deliveries are normalised again");
        }
        boolean byOffsets = partition != null || fromOffset != null || toOffset != null;
        if (byOffsets && (from != null || to != null)) {
            throw new InvalidField("from", "give a time window or an offset range, not both");
        }
        if (byOffsets && (partition == null || partition < 0 || fromOffset == null || fromOffset < 0 || toOffset == null
                || toOffset < fromOffset)) {
            throw new InvalidField("fromOffset", "an offset range needs partition, fromOffset and toOffset (toOffset >= fromOffset >= 0)");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidField("to", "must be after from");
        }
        return new ReplayRequest(topicName, modeName, from, to, partition, fromOffset, toOffset, organisationId, connectionId);
    }

    boolean byOffsets() {
        return partition != null;
    }

    boolean renormalises() {
        return RENORMALISE.equals(mode);
    }
}
