package org.integrationhub.connector.notifications;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.integrationhub.connector.connections.SlackBotTokens;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.OrgId;
import org.integrationhub.support.web.HubProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The notification settings of the organisation's Slack connections, and their test message. */
@Service
class SlackNotificationRules {

    /** No channel chosen yet for this Slack connection. */
    static final class NotificationsNotConfigured extends HubProblem {
        NotificationsNotConfigured() {
            super(HttpStatus.NOT_FOUND, "notifications_not_configured", "This Slack connection has no notification channel yet.");
        }
    }

    record TestResult(String channel, SlackPoster.Result outcome) {
    }

    private final SlackBotTokens slack;
    private final NotificationRuleRepository repository;
    private final SlackNotifier notifier;
    private final Clock clock;

    SlackNotificationRules(SlackBotTokens slack, NotificationRuleRepository repository, SlackNotifier notifier, Clock clock) {
        this.slack = slack;
        this.repository = repository;
        this.notifier = notifier;
        this.clock = clock;
    }

    Mono<NotificationRules> get(OrgId org, ConnectionId id) {
        return slack.slackConnection(org, id)
                .then(repository.find(id))
                .switchIfEmpty(Mono.error(new NotificationsNotConfigured()));
    }

    Mono<NotificationRules> save(OrgId org, ConnectionId id, NotificationRules rules) {
        return slack.slackConnection(org, id).then(repository.save(org, id, rules, clock.instant()));
    }

    /** Posts a test message to the chosen channel now (a refused token marks the connection, as a notification does). */
    Mono<TestResult> sendTest(OrgId org, ConnectionId id) {
        return get(org, id).flatMap(rules -> notifier.send(id, rules.channel(), SlackMessageFormat.test(), new AtomicReference<>())
                .map(outcome -> new TestResult(rules.channel(), outcome)));
    }
}
