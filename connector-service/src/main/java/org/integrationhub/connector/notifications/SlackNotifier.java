package org.integrationhub.connector.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.integrationhub.connector.connections.SlackBotTokens;
import org.integrationhub.connector.connections.SlackBotTokens.SourceSite;
import org.integrationhub.events.ConnectionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Posts one connection's buffered changes: each as its own message, or — more than the summary
 * threshold — one summary. Slack refusing the bot token ({@code invalid_auth}, {@code token_revoked},
 * {@code account_inactive}, {@code not_authed}) marks the connection revoked and drops the rest;
 * {@code token_expired} gets a new token once through the refresh path (which itself turns a dead
 * grant revoked; a refresh that failed for now drops the message without revoking). Whatever happens, each taken event ends posted or dropped, never posted twice.
 */
@Component
class SlackNotifier {

    static final Set<String> REVOKED = Set.of("invalid_auth", "token_revoked", "account_inactive", "not_authed");
    private static final String EXPIRED = "token_expired";
    private static final Logger log = LoggerFactory.getLogger(SlackNotifier.class);

    private final SlackBotTokens tokens;
    private final SlackPoster poster;
    private final NotifiedEvents events;
    private final SlackNotificationSettings settings;

    SlackNotifier(SlackBotTokens tokens, SlackPoster poster, NotifiedEvents events, SlackNotificationSettings settings) {
        this.tokens = tokens;
        this.poster = poster;
        this.events = events;
        this.settings = settings;
    }

    private record Post(SlackMessage message, List<UUID> eventIds) {
    }

    Mono<Void> deliver(ConnectionId slack, String channel, List<TaskChange> changes) {
        return sites(changes).flatMap(sites -> {
            List<Post> posts = changes.size() > settings.summaryThreshold()
                    ? List.of(new Post(SlackMessageFormat.summary(changes, sites, settings.summaryItems()),
                            changes.stream().map(TaskChange::eventId).toList()))
                    : changes.stream().map(change -> new Post(SlackMessageFormat.single(change, sites.get(change.task().connectionId())),
                            List.of(change.eventId()))).toList();
            AtomicReference<String> token = new AtomicReference<>();
            return Flux.fromIterable(posts)
                    .concatMap(post -> send(slack, channel, post.message(), token)
                            .flatMap(result -> {
                                boolean posted = result instanceof SlackPoster.Result.Posted;
                                return events.finish(slack, post.eventIds(), posted ? NotifiedEvents.Outcome.POSTED
                                        : NotifiedEvents.Outcome.DROPPED).thenReturn(posted ? post.eventIds().size() : 0);
                            }))
                    .reduce(0, Integer::sum)
                    .doOnNext(posted -> log.info("Slack connection {}: {} of {} task change(s) posted in {} message(s)", slack,
                            posted, changes.size(), posts.size()))
                    .then();
        })
                .onErrorResume(failure -> {
                    log.warn("Notifying Slack connection {} failed: {}", slack, failure.toString());
                    return events.finish(slack, changes.stream().map(TaskChange::eventId).toList(), NotifiedEvents.Outcome.DROPPED)
                            .onErrorResume(ignored -> Mono.empty());
                });
    }

    /**
     * One message with the connection's bot token ({@code token} holds it across a delivery's posts;
     * "" once the connection cannot post). Answers what Slack made of it.
     */
    Mono<SlackPoster.Result> send(ConnectionId slack, String channel, SlackMessage message, AtomicReference<String> token) {
        if ("".equals(token.get())) {
            return Mono.just(new SlackPoster.Result.Refused("connection_unusable"));
        }
        Mono<String> current = token.get() != null ? Mono.just(token.get()) : tokens.botToken(slack).doOnNext(token::set);
        return current
                .flatMap(value -> poster.post(value, channel, message).flatMap(result -> {
                    if (result instanceof SlackPoster.Result.Refused refused && EXPIRED.equals(refused.error())) {
                        return tokens.botTokenAfterRefusal(slack, value).flatMap(renewed -> {
                            if (renewed.equals(value)) { // the refresh failed for now: not a revocation
                                token.set(null);
                                return Mono.<SlackPoster.Result>just(new SlackPoster.Result.GaveUp("the bot token could not be refreshed for now"));
                            }
                            token.set(renewed);
                            return poster.post(renewed, channel, message);
                        });
                    }
                    return Mono.just(result);
                }))
                .flatMap(result -> afterwards(slack, result, token))
                .onErrorResume(SlackBotTokens::isUnusable, unusable -> {
                    token.set("");
                    log.warn("Slack connection {} cannot post ({}); notification dropped", slack, unusable.getClass().getSimpleName());
                    return Mono.just(new SlackPoster.Result.Refused("connection_unusable"));
                });
    }

    private Mono<SlackPoster.Result> afterwards(ConnectionId slack, SlackPoster.Result result, AtomicReference<String> token) {
        if (result instanceof SlackPoster.Result.Refused refused) {
            if (REVOKED.contains(refused.error()) || EXPIRED.equals(refused.error())) {
                token.set("");
                return tokens.markRevoked(slack, refused.error()).thenReturn(result);
            }
            log.warn("Slack refused a notification of connection {}: {}", slack, refused.error());
        } else if (result instanceof SlackPoster.Result.GaveUp gaveUp) {
            log.warn("Gave up posting a notification of connection {}: {}", slack, gaveUp.reason());
        }
        return Mono.just(result);
    }

    private Mono<Map<ConnectionId, SourceSite>> sites(List<TaskChange> changes) {
        Map<ConnectionId, TaskChange> firstOfEach = new HashMap<>();
        changes.forEach(change -> firstOfEach.putIfAbsent(change.task().connectionId(), change));
        return Flux.fromIterable(firstOfEach.values())
                .concatMap(change -> tokens.sourceSite(change.orgId(), change.task().connectionId())
                        .map(site -> Map.entry(change.task().connectionId(), site)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
