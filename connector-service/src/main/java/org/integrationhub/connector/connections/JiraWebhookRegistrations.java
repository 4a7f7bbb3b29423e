package org.integrationhub.connector.connections;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.integrationhub.connector.jira.JiraDynamicWebhooks;
import org.integrationhub.connector.oauth.OAuthSettings;
import org.integrationhub.events.ConnectionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps a dynamic Jira webhook registered for every active OAuth Jira connection, so webhooks flow
 * without a Jira admin: registered after the connection is made (and by the scheduled pass when
 * that failed), refreshed when it expires within {@code jira-webhooks.refresh-before} of its 30
 * days, deleted on disconnect. Registration and refresh run under the connection's row lock, so
 * two instances never register twice. Best effort: a failure is logged and tried again on the next
 * pass. The URL is webhook-ingest's {@code /webhooks/jira/{connectionId}}; the JQL filter the
 * connection's projects, else the configured catch-all.
 */
@Component
class JiraWebhookRegistrations {

    private static final Logger log = LoggerFactory.getLogger(JiraWebhookRegistrations.class);

    private final DatabaseClient db;
    private final OAuthCredentials credentials;
    private final JiraDynamicWebhooks jira;
    private final OAuthSettings.JiraWebhooks settings;
    private final TransactionalOperator transaction;
    private final Clock clock;

    JiraWebhookRegistrations(DatabaseClient db, OAuthCredentials credentials, JiraDynamicWebhooks jira, OAuthSettings settings,
            TransactionalOperator transaction, Clock clock) {
        this.db = db;
        this.credentials = credentials;
        this.jira = jira;
        this.settings = settings.jiraWebhooks();
        this.transaction = transaction;
        this.clock = clock;
    }

    private record Registration(ConnectionId id, String baseUrl, List<String> projectKeys, List<Long> webhookIds, Instant expiresAt) {
    }

    /** Registers or refreshes the connection's webhook when due; completes empty when not enabled or not due. */
    Mono<Instant> ensure(ConnectionId id) {
        if (!settings.enabled()) {
            return Mono.empty();
        }
        return credentials.accessToken(id)
                .flatMap(token -> locked(id)
                        .filter(this::due)
                        .flatMap(registration -> registration.webhookIds().isEmpty()
                                ? register(registration, token.value())
                                : jira.refresh(registration.baseUrl(), token.value(), registration.webhookIds())
                                        .flatMap(expiry -> store(id, registration.webhookIds(), expiry)))
                        .as(transaction::transactional))
                .doOnNext(expiry -> log.info("Jira webhook of connection {} registered until {}", id, expiry))
                .onErrorResume(failure -> {
                    log.warn("Jira webhook of connection {} not registered or refreshed: {}", id, failure.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    /** The scheduled pass: every active OAuth Jira connection whose webhook is missing or expires soon. */
    Flux<ConnectionId> ensureDue() {
        if (!settings.enabled()) {
            return Flux.empty();
        }
        return db.sql("""
                select id from connections
                 where auth_type = 'oauth' and type = 'jira' and status = 'active' and enabled
                   and (jira_webhook_ids is null or jira_webhook_expires_at < :horizon)""")
                .bind("horizon", clock.instant().plus(settings.refreshBefore()))
                .map((row, meta) -> ConnectionId.of(row.get("id", UUID.class))).all()
                .concatMap(id -> ensure(id).thenReturn(id));
    }

    /** After the connection's projects changed: the old webhook goes, one with the new JQL filter comes (best effort). */
    Mono<Instant> reregister(ConnectionId id) {
        if (!settings.enabled()) {
            return Mono.empty();
        }
        return remove(id)
                .then(db.sql("update connections set jira_webhook_ids = null, jira_webhook_expires_at = null where id = :id")
                        .bind("id", id.value()).fetch().rowsUpdated())
                .then(ensure(id));
    }

    /** Deletes the connection's webhooks at Jira (best effort, before the connection goes). */
    Mono<Void> remove(ConnectionId id) {
        if (!settings.enabled()) {
            return Mono.empty();
        }
        return db.sql("select id, base_url, project_keys, jira_webhook_ids, jira_webhook_expires_at from connections where id = :id "
                        + "and auth_type = 'oauth' and type = 'jira'")
                .bind("id", id.value()).map((row, meta) -> registration(row)).one()
                .filter(registration -> !registration.webhookIds().isEmpty())
                .flatMap(registration -> credentials.accessToken(id)
                        .flatMap(token -> jira.delete(registration.baseUrl(), token.value(), registration.webhookIds())))
                .doOnSuccess(done -> log.info("Jira webhooks of connection {} deleted", id))
                .onErrorResume(failure -> {
                    log.warn("Jira webhooks of connection {} not deleted: {}", id, failure.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    private boolean due(Registration registration) {
        return registration.webhookIds().isEmpty() || registration.expiresAt() == null
                || registration.expiresAt().isBefore(clock.instant().plus(settings.refreshBefore()));
    }

    private Mono<Instant> register(Registration registration, String accessToken) {
        String url = settings.urlTemplate().replace("{connectionId}", registration.id().toString());
        String jql = registration.projectKeys().isEmpty() ? settings.defaultJqlFilter()
                : "project in (" + String.join(", ", registration.projectKeys()) + ")";
        return jira.register(registration.baseUrl(), accessToken, url, settings.events(), jql)
                .flatMap(ids -> jira.refresh(registration.baseUrl(), accessToken, ids).flatMap(expiry -> store(registration.id(), ids, expiry)));
    }

    private Mono<Registration> locked(ConnectionId id) {
        return db.sql("""
                select id, base_url, project_keys, jira_webhook_ids, jira_webhook_expires_at from connections
                 where id = :id and auth_type = 'oauth' and type = 'jira' and status = 'active'
                   for update""")
                .bind("id", id.value()).map((row, meta) -> registration(row)).one();
    }

    private Mono<Instant> store(ConnectionId id, List<Long> webhookIds, Instant expiresAt) {
        return db.sql("update connections set jira_webhook_ids = :ids, jira_webhook_expires_at = :expires where id = :id")
                .bind("id", id.value()).bind("ids", webhookIds.toArray(Long[]::new)).bind("expires", expiresAt)
                .fetch().rowsUpdated().thenReturn(expiresAt);
    }

    private static Registration registration(io.r2dbc.spi.Readable row) {
        Long[] ids = row.get("jira_webhook_ids", Long[].class);
        String[] projects = row.get("project_keys", String[].class);
        return new Registration(ConnectionId.of(row.get("id", UUID.class)), row.get("base_url", String.class),
                projects == null ? List.of() : Arrays.asList(projects), ids == null ? List.of() : Arrays.asList(ids),
                row.get("jira_webhook_expires_at", Instant.class));
    }

}
