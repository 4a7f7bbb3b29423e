package org.integrationhub.connector.connections;

import java.time.Clock;
import java.util.List;
import org.integrationhub.connector.credentials.CredentialVault;
import org.integrationhub.connector.jira.JiraSite;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.integrationhub.support.crypto.SealedValueUnreadable;
import org.integrationhub.support.web.InvalidField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organisation's connections: created with sealed secrets, edited, made primary, tested
 * against the provider, deleted. Every change commits with its snapshot in the outbox.
 */
@Service
class Connections {

    /** A GitHub repository: {@code owner/name}. */
    static final String REPOSITORY = "[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}";

    private static final Logger log = LoggerFactory.getLogger(Connections.class);

    private final ConnectionRepository repository;
    private final ConnectionSnapshots snapshots;
    private final CredentialVault vault;
    private final JiraSite jira;
    private final OAuthConnections oauth;
    private final JiraWebhookRegistrations jiraWebhooks;
    private final TransactionalOperator transaction;
    private final Clock clock;

    Connections(ConnectionRepository repository, ConnectionSnapshots snapshots, CredentialVault vault, JiraSite jira,
            OAuthConnections oauth, JiraWebhookRegistrations jiraWebhooks, TransactionalOperator transaction, Clock clock) {
        this.repository = repository;
        this.snapshots = snapshots;
        this.vault = vault;
        this.jira = jira;
        this.oauth = oauth;
        this.jiraWebhooks = jiraWebhooks;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What a caller asks for when creating a Jira API-token connection; secrets still in plaintext here only. */
    record NewJiraConnection(String displayName, String baseUrl, String email, String apiToken, String webhookSecret,
            List<String> projectKeys, String jqlFilter, boolean pollingEnabled, boolean enabled) {

        @Override
        public String toString() {
            return "NewJiraConnection[baseUrl=" + baseUrl + "]";
        }
    }

    /** Changes; null means "leave as it is". */
    record Changes(String displayName, String apiToken, String webhookSecret, List<String> projectKeys, String jqlFilter,
            Boolean pollingEnabled, Boolean enabled) {

        @Override
        public String toString() {
            return "Changes[displayName=" + displayName + "]";
        }
    }

    Mono<Connection> create(OrgId org, NewJiraConnection request) {
        ConnectionId id = ConnectionId.random();
        var now = clock.instant();
        var draft = new Connection(id, org, ExternalSystem.JIRA, "api_token", request.displayName(), request.baseUrl(),
                request.email(), vault.seal(id, request.apiToken()),
                request.webhookSecret() == null ? null : vault.seal(id, request.webhookSecret()), request.projectKeys(),
                request.jqlFilter(), request.pollingEnabled(), request.enabled(), false, "active", null, 0, null, now, null,
                null, null, null, 1, now, now, null);
        return repository.insert(draft)
                .flatMap(created -> snapshots.announce(created).thenReturn(created))
                .as(transaction::transactional)
                .onErrorMap(DataIntegrityViolationException.class, duplicate -> new ConnectionProblems.ConnectionAlreadyExists())
                .doOnNext(c -> log.info("Created connection {} ({}) in organisation {}", c.id(), c.type().wireName(), org));
    }

    Flux<Connection> list(OrgId org) {
        return repository.list(org);
    }

    Mono<Connection> get(OrgId org, ConnectionId id) {
        return repository.find(org, id).switchIfEmpty(Mono.error(new ConnectionProblems.ConnectionNotFound()));
    }

    Mono<Connection> change(OrgId org, ConnectionId id, Changes changes) {
        return repository.findForUpdate(org, id)
                .switchIfEmpty(Mono.error(new ConnectionProblems.ConnectionNotFound()))
                .doOnNext(c -> {
                    if (changes.webhookSecret() != null && c.type() == ExternalSystem.SLACK) {
                        throw new InvalidField("webhookSecret", "Slack signs its events with the app's signing secret; a Slack connection has no webhook secret of its own");
                    }
                    if (changes.apiToken() != null && !"api_token".equals(c.authType())) {
                        throw new InvalidField("apiToken", "only an API-token connection has one; connect OAuth connections again instead");
                    }
                    if (changes.projectKeys() != null) {
                        boolean repositories = c.type() == ExternalSystem.GITHUB;
                        if (changes.projectKeys().stream().anyMatch(key -> key.matches(REPOSITORY) != repositories)) {
                            throw new InvalidField("projectKeys", repositories ? "a GitHub connection syncs repositories like owner/repo"
                                    : "must be " + c.type().wireName() + " project keys like PROJ");
                        }
                    }
                })
                .map(c -> new Connection(c.id(), c.orgId(), c.type(), c.authType(), or(changes.displayName(), c.displayName()),
                        c.baseUrl(), c.email(), changes.apiToken() == null ? c.apiToken() : vault.seal(id, changes.apiToken()),
                        changes.webhookSecret() == null ? c.webhookSecret() : vault.seal(id, changes.webhookSecret()),
                        or(changes.projectKeys(), c.projectKeys()),
                        changes.jqlFilter() == null ? c.jqlFilter() : changes.jqlFilter().isBlank() ? null : changes.jqlFilter().trim(),
                        or(changes.pollingEnabled(), c.pollingEnabled()), or(changes.enabled(), c.enabled()), c.primary(),
                        changes.apiToken() == null ? c.status() : "active", changes.apiToken() == null ? c.lastError() : null,
                        changes.apiToken() == null ? c.errorCount() : 0, c.lastUsedAt(), c.connectedAt(), c.tokenExpiry(),
                        c.externalAccountId(), c.externalEmail(), c.externalDisplayName(), c.revision(), c.createdAt(), c.updatedAt(),
                        c.siteUrl()))
                .flatMap(this::save)
                .as(transaction::transactional)
                .doOnNext(c -> log.info("Changed connection {} (revision {}{})", c.id(), c.revision(),
                        changes.webhookSecret() == null ? "" : ", new webhook secret"))
                .flatMap(c -> changes.projectKeys() != null && "oauth".equals(c.authType()) && c.type() == ExternalSystem.JIRA
                        ? jiraWebhooks.reregister(c.id()).thenReturn(c) : Mono.just(c));
    }

    Mono<Connection> makePrimary(OrgId org, ConnectionId id) {
        return get(org, id)
                .thenMany(repository.makePrimary(org, id, clock.instant()))
                .concatMap(changed -> snapshots.announce(changed).thenReturn(changed))
                .then(repository.find(org, id))
                .as(transaction::transactional);
    }

    /**
     * Deletes the connection; for an OAuth connection its dynamic Jira webhooks are deleted and its
     * grant ended at the provider first, where it supports that (best effort).
     */
    Mono<Void> delete(OrgId org, ConnectionId id) {
        return get(org, id)
                .flatMap(c -> "oauth".equals(c.authType()) ? jiraWebhooks.remove(id).then(oauth.revokeAtProvider(id)) : Mono.just(false))
                .then(Mono.defer(() -> deleteRow(org, id)));
    }

    private Mono<Void> deleteRow(OrgId org, ConnectionId id) {
        return repository.delete(org, id)
                .switchIfEmpty(Mono.error(new ConnectionProblems.ConnectionNotFound()))
                .flatMap(snapshots::retire)
                .as(transaction::transactional)
                .doOnSuccess(done -> log.info("Deleted connection {}", id));
    }

    /** The outcome of a connection test, as the caller sees it. */
    record TestResult(boolean connected, String message, Connection connection) {
    }

    /** Calls the provider with the stored credentials; a provider failure is an answer, recorded on the connection. */
    Mono<TestResult> test(OrgId org, ConnectionId id) {
        return get(org, id).flatMap(c -> ("oauth".equals(c.authType()) ? oauth.check(c) : Mono.fromCallable(() -> vault.open(id, c.apiToken()))
                .flatMap(token -> jira.myself(c.baseUrl(), c.email(), token)))
                .onErrorResume(SealedValueUnreadable.class, unreadable -> Mono.just(new JiraSite.Myself(false, null, null, null,
                        "The stored API token cannot be read; enter it again")))
                .flatMap(me -> {
                    String message = me.connected() ? "Connected as " + me.displayName() + "." : me.problem() + ".";
                    log.info("Tested connection {}: {}", id, me.connected() ? "connected" : "failed");
                    return repository.recordTest(org, id, me.connected(), me.connected() ? null : me.problem(), clock.instant(),
                                    me.accountId(), me.email(), me.displayName())
                            .flatMap(saved -> snapshots.announce(saved).thenReturn(saved))
                            .as(transaction::transactional)
                            .map(saved -> new TestResult(me.connected(), message, saved));
                }));
    }

    private Mono<Connection> save(Connection edited) {
        return repository.update(edited, clock.instant())
                .flatMap(saved -> snapshots.announce(saved).thenReturn(saved))
                .as(transaction::transactional);
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}
