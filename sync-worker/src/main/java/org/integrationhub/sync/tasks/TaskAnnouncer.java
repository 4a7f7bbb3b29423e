package org.integrationhub.sync.tasks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalTaskUpdated;
import org.integrationhub.events.Topics;
import org.integrationhub.support.outbox.Outbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Announces an applied change of a task as {@code external_task.updated} through the outbox, in
 * the caller's transaction. The event id is derived from what caused the change (a name-based
 * UUID), so re-running the same input after a rollback or a crash writes the same event id.
 */
@Component
public class TaskAnnouncer {

    private static final String AGGREGATE = "external_task";

    private final Outbox outbox;
    private final Clock clock;

    public TaskAnnouncer(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** {@code cause} names the input that caused the change uniquely (an idempotency key, a record position). */
    public Mono<Void> announce(ExternalTask changed, ExternalTaskUpdated.Change change, String previousStatus, String cause) {
        return outbox.addAll(List.of(announcement(changed, change, previousStatus, cause)));
    }

    /** The announcement of a change, to be added later with others in the same transaction ({@link #announceAll}). */
    public Outbox.Entry announcement(ExternalTask changed, ExternalTaskUpdated.Change change, String previousStatus, String cause) {
        UUID eventId = eventIdFor(cause, changed.id());
        var envelope = EventEnvelope.of(eventId, EventTypes.EXTERNAL_TASK_UPDATED, changed.orgId(),
                "external-task:" + changed.id() + ":" + changed.version(), changed.toEvent(change, previousStatus), clock);
        return Outbox.Entry.of(Topics.EXTERNAL_TASK_UPDATES, changed.taskKey(), envelope, AGGREGATE, changed.id().toString());
    }

    /** Adds these announcements, in order, with one statement in the caller's transaction. */
    public Mono<Void> announceAll(List<Outbox.Entry> announcements) {
        return outbox.addAll(announcements);
    }

    static UUID eventIdFor(String cause, UUID taskId) {
        return UUID.nameUUIDFromBytes(("external_task.updated|" + cause + "|" + taskId).getBytes(StandardCharsets.UTF_8));
    }
}
