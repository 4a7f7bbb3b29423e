package org.integrationhub.connector.notifications;

import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.ExternalTaskUpdated;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes a task change for every Slack connection of its organisation whose rules it matches: the
 * dedup row is committed (a redelivered event is skipped here), then the change waits in the
 * connection's burst buffer. {@code assigned} counts only a new mapped assignee ({@link TaskAssignees}).
 * Nothing here talks to Slack.
 */
@Component
class TaskNotifications {

    private final NotificationRuleRepository rules;
    private final NotifiedEvents events;
    private final NotificationBuffer buffer;
    private final TaskAssignees assignees;

    TaskNotifications(NotificationRuleRepository rules, NotifiedEvents events, NotificationBuffer buffer, TaskAssignees assignees) {
        this.rules = rules;
        this.events = events;
        this.buffer = buffer;
        this.assignees = assignees;
    }

    /** How many Slack connections took the change. */
    Mono<Long> take(EventEnvelope<ExternalTaskUpdated> envelope) {
        ExternalTaskUpdated task = envelope.payload();
        return rules.activeRulesOf(envelope.orgId()).collectList()
                .filter(active -> !active.isEmpty()) // organisations without Slack notifications cost one query
                .flatMap(active -> assignees.newlyAssigned(envelope.orgId(), task).flatMap(newlyAssigned -> {
                    var change = new TaskChange(envelope.eventId(), envelope.orgId(), task,
                            NotificationRules.kindsOf(task, newlyAssigned));
                    return Flux.fromIterable(active)
                            .filter(connection -> connection.rules().matches(task, change.kinds()))
                            .concatMap(connection -> events.take(envelope.eventId(), connection.connectionId())
                                    .filter(Boolean::booleanValue)
                                    .doOnNext(taken -> buffer.add(connection.connectionId(), connection.rules().channel(), change)))
                            .count();
                }))
                .defaultIfEmpty(0L);
    }
}
