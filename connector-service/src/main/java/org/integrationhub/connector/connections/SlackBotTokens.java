package org.integrationhub.connector.connections;

import java.time.Clock;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What the Slack notifications feature may use of a Slack connection (ADR 0016): its bot token,
 * refreshed as every OAuth token is ({@link OAuthCredentials}), and the one way to say Slack refused
 * it — the connection turns revoked with a snapshot, exactly as a refused refresh does. The token
 * never leaves connector-service; callers must not log it.
 */
@Component
public class SlackBotTokens {

    private static final Logger log = LoggerFactory.getLogger(SlackBotTokens.class);

    private final ConnectionRepository connections;
    private final OAuthConnectionRepository oauth;
    private final OAuthCredentials credentials;
    private final ConnectionSnapshots snapshots;
    private final TransactionalOperator transaction;
    private final Clock clock;

    SlackBotTokens(ConnectionRepository connections, OAuthConnectionRepository oauth, OAuthCredentials credentials,
            ConnectionSnapshots snapshots, TransactionalOperator transaction, Clock clock) {
        this.connections = connections;
        this.oauth = oauth;
        this.credentials = credentials;
        this.snapshots = snapshots;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A Slack connection as notifications see it. */
    public record SlackConnection(ConnectionId id, OrgId orgId, String status, boolean enabled) {
    }

    /** Where a task of another connection lives: its system and the site (Jira) or API base (GitHub). */
    public record SourceSite(ExternalSystem system, String siteUrl) {
    }

    /** The organisation's Slack connection; {@code connection_not_found} for any other id. */
    public Mono<SlackConnection> slackConnection(OrgId org, ConnectionId id) {
        return connections.find(org, id)
                .filter(c -> c.type() == ExternalSystem.SLACK)
                .map(c -> new SlackConnection(c.id(), c.orgId(), c.status(), c.enabled()))
                .switchIfEmpty(Mono.error(new ConnectionProblems.ConnectionNotFound()));
    }

    /** The organisation's connection a task came from, for a link to it; empty when it is gone. */
    public Mono<SourceSite> sourceSite(OrgId org, ConnectionId id) {
        return connections.find(org, id)
                .map(c -> new SourceSite(c.type(), c.siteUrl() != null ? c.siteUrl() : c.baseUrl()));
    }

    /** The bot token, refreshed first when due. Fails with {@link #isUnusable} when revoked or expired. */
    public Mono<String> botToken(ConnectionId id) {
        return credentials.accessToken(id).map(OAuthCredentials.AccessToken::value);
    }

    /** A new bot token because Slack refused {@code rejected} as expired; the connection may turn revoked or expired. */
    public Mono<String> botTokenAfterRefusal(ConnectionId id, String rejected) {
        return credentials.refreshRejected(id, rejected).map(OAuthCredentials.AccessToken::value);
    }

    /** Whether a failure of the two methods above means the connection cannot post until it is connected again. */
    public static boolean isUnusable(Throwable failure) {
        return failure instanceof ConnectionProblems.ConnectionRevoked || failure instanceof ConnectionProblems.ConnectionExpired
                || failure instanceof ConnectionProblems.ConnectionNotFound;
    }

    /** Slack refused the bot token ({@code error}: Slack's code): revoked, counted, announced once. */
    public Mono<Void> markRevoked(ConnectionId id, String error) {
        return oauth.lockTokens(id)
                .filter(stored -> !"revoked".equals(stored.status()))
                .flatMap(stored -> oauth.recordRefusal(id, "revoked", "Slack refused the bot token (" + error + ")", clock.instant()))
                .flatMap(saved -> snapshots.announce(saved)
                        .doOnSuccess(done -> log.warn("Slack refused the bot token of connection {} ({}); status revoked", id, error)))
                .as(transaction::transactional)
                .then();
    }
}
