package org.integrationhub.connector.connections;

import java.time.Clock;
import org.integrationhub.connector.credentials.CredentialVault;
import org.integrationhub.connector.jira.JiraSite;
import org.integrationhub.connector.oauth.ExternalIdentities;
import org.integrationhub.connector.oauth.ExternalIdentity;
import org.integrationhub.connector.oauth.OAuthCatalogue;
import org.integrationhub.connector.oauth.OAuthStates;
import org.integrationhub.connector.oauth.ProviderRevocation;
import org.integrationhub.connector.oauth.TokenGrant;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * OAuth connections: stores the outcome of a completed authorisation — a new connection, or, when
 * the organisation already connects the same target (Atlassian site, GitHub user, Slack team), the
 * existing one with the new tokens, its status active and its error count reset (tokens sealed for
 * the connection they belong to; the snapshot commits with the change) —, tests one with its
 * access token, and ends its grant at the provider on disconnect.
 */
@Service
class OAuthConnections {

    private static final Logger log = LoggerFactory.getLogger(OAuthConnections.class);

    private final OAuthConnectionRepository repository;
    private final ConnectionSnapshots snapshots;
    private final CredentialVault vault;
    private final ProviderRevocation revocation;
    private final OAuthCredentials credentials;
    private final ExternalIdentities identities;
    private final OAuthCatalogue catalogue;
    private final TransactionalOperator transaction;
    private final Clock clock;

    OAuthConnections(OAuthConnectionRepository repository, ConnectionSnapshots snapshots, CredentialVault vault,
            ProviderRevocation revocation, OAuthCredentials credentials, ExternalIdentities identities, OAuthCatalogue catalogue,
            TransactionalOperator transaction, Clock clock) {
        this.repository = repository;
        this.snapshots = snapshots;
        this.vault = vault;
        this.revocation = revocation;
        this.credentials = credentials;
        this.identities = identities;
        this.catalogue = catalogue;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Stores the authorisation; when another authorisation of the same target created the
     * connection at the same moment (the unique index refuses the second insert), it updates that one.
     */
    Mono<Connection> connect(OAuthStates.Pending pending, ExternalSystem type, ExternalIdentity identity, TokenGrant grant) {
        return connectOnce(pending, type, identity, grant)
                .onErrorResume(DataIntegrityViolationException.class, raced -> connectOnce(pending, type, identity, grant));
    }

    private Mono<Connection> connectOnce(OAuthStates.Pending pending, ExternalSystem type, ExternalIdentity identity, TokenGrant grant) {
        var now = clock.instant();
        return repository.lockByIdentity(pending.orgId(), type, identity.key())
                .map(existing -> repository.reauthorise(authorised(existing, pending, type, identity, grant), now))
                .defaultIfEmpty(Mono.defer(() -> repository.insert(authorised(ConnectionId.random(), pending, type, identity, grant), now)))
                .flatMap(write -> write)
                .flatMap(saved -> snapshots.announce(saved).thenReturn(saved))
                .as(transaction::transactional)
                .doOnNext(c -> log.info("Connected {} connection {} through OAuth in organisation {}", type.wireName(), c.id(),
                        pending.orgId()));
    }

    /**
     * A connection test with the connection's access token (refreshed first when it is about to
     * expire), in the shape the API-token test uses; a revoked grant or an unconfigured provider is
     * a failed test.
     */
    Mono<JiraSite.Myself> check(Connection c) {
        var provider = catalogue.provider(c.type().wireName());
        if (provider.isEmpty()) {
            return Mono.just(new JiraSite.Myself(false, null, null, null, "OAuth for " + c.type().wireName() + " is not configured"));
        }
        return credentials.accessToken(c.id())
                .flatMap(token -> identities.check(provider.get(), c.baseUrl(), token.value()))
                .map(check -> new JiraSite.Myself(check.connected(), check.accountId(), check.email(), check.displayName(),
                        check.problem()))
                .onErrorResume(ConnectionProblems.ConnectionRevoked.class, revoked -> Mono.just(new JiraSite.Myself(false, null,
                        null, null, "The provider no longer accepts this connection's authorisation; connect it again")))
                .onErrorResume(ConnectionProblems.ConnectionExpired.class, expired -> Mono.just(new JiraSite.Myself(false, null,
                        null, null, "The connection's access has expired; connect it again")))
                .onErrorResume(ConnectionProblems.ProviderUnavailable.class, unavailable -> Mono.just(new JiraSite.Myself(false,
                        null, null, null, "The provider did not refresh the token; try again later")));
    }

    /** Ends the connection's grant at the provider where it supports that (best effort: the disconnect goes on). */
    Mono<Boolean> revokeAtProvider(ConnectionId id) {
        return repository.tokens(id)
                .flatMap(stored -> Mono.fromCallable(() -> new String[] {
                                stored.accessToken() == null ? null : vault.open(id, stored.accessToken()),
                                stored.refreshToken() == null ? null : vault.open(id, stored.refreshToken())})
                        .flatMap(tokens -> revocation.revoke(stored.type().wireName(), tokens[0], tokens[1])))
                .onErrorResume(unreadable -> {
                    log.warn("The tokens of connection {} could not be revoked: {}", id, unreadable.getClass().getSimpleName());
                    return Mono.just(false);
                })
                .defaultIfEmpty(false);
    }

    private OAuthConnectionRepository.Authorised authorised(ConnectionId id, OAuthStates.Pending pending, ExternalSystem type,
            ExternalIdentity identity, TokenGrant grant) {
        return new OAuthConnectionRepository.Authorised(id, pending.orgId(), type, identity.displayName(), identity.baseUrl(),
                identity.siteUrl(), identity.key(), grant.scope(), vault.seal(id, grant.accessToken()),
                grant.refreshToken() == null ? null : vault.seal(id, grant.refreshToken()), grant.expiresAt(),
                identity.accountId(), identity.accountEmail(), identity.accountName());
    }
}
