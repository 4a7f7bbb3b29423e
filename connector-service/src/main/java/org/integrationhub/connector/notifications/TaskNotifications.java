package org.integrationhub.connector.notifications;

import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.ExternalTaskUpdated;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Takes a task change for every Slack connection of its organisation whose rules it matches: the
 * dedup row is committed (a redelivered event is skipped here), then the change waits in the
 * connection's burst buffer. Nothing here talks to Slack.
 */
@Component
class TaskNotifications {

    private final NotificationRuleRepository rules;
    private final NotifiedEvents events;
    private final NotificationBuffer buffer;

    TaskNotifications(NotificationRuleRepository rules, NotifiedEvents events, NotificationBuffer buffer) {
        this.rules = rules;
        this.events = events;
        this.buffer = buffer;
    }

    /** How many Slack connections took the change. */
    Mono<Long> take(EventEnvelope<ExternalTaskUpdated> envelope) {
        ExternalTaskUpdated task = envelope.payload();
        TaskChange change = new TaskChange(envelope.eventId(), envelope.orgId(), task);
        return rules.activeRulesOf(envelope.orgId())
                .filter(active -> active.rules().matches(task))
                .concatMap(active -> events.take(envelope.eventId(), active.connectionId())
                        .filter(Boolean::booleanValue)
                        .doOnNext(taken -> buffer.add(active.connectionId(), active.rules().channel(), change)))
                .count();
    }
}
