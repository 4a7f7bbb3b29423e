package org.integrationhub.connector.connections;

import java.time.Clock;
import java.time.Instant;
import org.integrationhub.connector.credentials.CredentialVault;
import org.integrationhub.connector.oauth.OAuthSettings;
import org.integrationhub.connector.oauth.ProviderTokens;
import org.integrationhub.connector.oauth.TokenGrant;
import org.integrationhub.connector.oauth.TokenRequestFailed;
import org.integrationhub.events.ConnectionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A usable access token for an OAuth connection, refreshed when it expires within
 * {@code hub.connector.oauth.refresh-margin}. The refresh is single-flight per connection across
 * every instance: it runs in one transaction that holds the connection's row lock
 * ({@code select … for update}), looks at the tokens again under the lock (another instance may
 * have refreshed them meanwhile, and then they are simply used), uses the refresh token once and
 * writes the new pair before the lock is released, so nobody reads a refresh token that was
 * already spent. A refusal that means the grant is dead turns the connection revoked; another
 * refusal marks it error; both count the error and commit (with a snapshot). A transient failure
 * (5xx, timeout) keeps everything. Unless revoked, the current token is answered while it is still
 * valid.
 */
@Component
class OAuthCredentials {

    private static final Logger log = LoggerFactory.getLogger(OAuthCredentials.class);

    private final OAuthConnectionRepository repository;
    private final ConnectionSnapshots snapshots;
    private final ProviderTokens tokens;
    private final CredentialVault vault;
    private final OAuthSettings settings;
    private final TransactionalOperator transaction;
    private final Clock clock;

    OAuthCredentials(OAuthConnectionRepository repository, ConnectionSnapshots snapshots, ProviderTokens tokens,
            CredentialVault vault, OAuthSettings settings, TransactionalOperator transaction, Clock clock) {
        this.repository = repository;
        this.snapshots = snapshots;
        this.tokens = tokens;
        this.vault = vault;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** An access token and its expiry ({@code null}: it does not expire). */
    record AccessToken(String value, Instant expiresAt) {

        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + "]";
        }
    }

    /** The connection's access token, refreshed first when it is about to expire. */
    Mono<AccessToken> accessToken(ConnectionId id) {
        return repository.tokens(id)
                .switchIfEmpty(Mono.error(new ConnectionProblems.ConnectionNotFound()))
                .flatMap(stored -> {
                    if ("revoked".equals(stored.status())) {
                        return Mono.error(new ConnectionProblems.ConnectionRevoked());
                    }
                    if ("expired".equals(stored.status())) {
                        return Mono.error(new ConnectionProblems.ConnectionExpired());
                    }
                    return fresh(stored) ? Mono.just(open(stored)) : refresh(id);
                });
    }

    /** Refreshes the connection's tokens unless they are (by now) fresh; single-flight through the row lock. */
    Mono<AccessToken> refresh(ConnectionId id) {
        return repository.lockTokens(id)
                .switchIfEmpty(Mono.error(new ConnectionProblems.ConnectionNotFound()))
                .flatMap(this::refreshLocked)
                .as(transaction::transactional)
                .flatMap(outcome -> outcome.failure() == null ? Mono.just(outcome.token()) : Mono.error(outcome.failure()));
    }

    /**
     * A new token because the provider refused {@code rejected} (e.g. Slack's {@code token_expired})
     * although our expiry says it is fresh: under the row lock, a token other than the rejected one
     * (someone refreshed meanwhile) is answered; else the refresh token is used (a dead grant turns
     * the connection revoked, as above); with nothing to refresh it, the connection turns expired.
     */
    Mono<AccessToken> refreshRejected(ConnectionId id, String rejected) {
        return repository.lockTokens(id)
                .switchIfEmpty(Mono.error(new ConnectionProblems.ConnectionNotFound()))
                .flatMap(stored -> refreshLocked(stored, rejected))
                .as(transaction::transactional)
                .flatMap(outcome -> outcome.failure() == null ? Mono.just(outcome.token()) : Mono.error(outcome.failure()));
    }

    /** What happened under the lock; a failure is a value here so that the transaction still commits what it recorded. */
    private record Outcome(AccessToken token, RuntimeException failure) {
    }

    private Mono<Outcome> refreshLocked(OAuthConnectionRepository.StoredTokens stored) {
        return refreshLocked(stored, null);
    }

    /** {@code rejected}: the token the provider refused (null: refresh only when due by our expiry). */
    private Mono<Outcome> refreshLocked(OAuthConnectionRepository.StoredTokens stored, String rejected) {
        if ("revoked".equals(stored.status())) {
            return Mono.just(new Outcome(null, new ConnectionProblems.ConnectionRevoked()));
        }
        if (rejected == null ? fresh(stored) : !rejected.equals(open(stored).value())) {
            return Mono.just(new Outcome(open(stored), null));
        }
        if (stored.refreshToken() == null || !refreshable(stored)) {
            return rejected == null && stillValid(stored) ? Mono.just(new Outcome(open(stored), null)) : expired(stored);
        }
        ConnectionId id = stored.id();
        String provider = stored.type().wireName();
        return tokens.refresh(provider, vault.open(id, stored.accessToken()), vault.open(id, stored.refreshToken()))
                .flatMap(grant -> store(stored, grant))
                .onErrorResume(TokenRequestFailed.class, failure -> failed(stored, failure));
    }

    private Mono<Outcome> store(OAuthConnectionRepository.StoredTokens stored, TokenGrant grant) {
        ConnectionId id = stored.id();
        boolean wasActive = "active".equals(stored.status());
        var refreshToken = grant.refreshToken() == null ? stored.refreshToken() : vault.seal(id, grant.refreshToken());
        return repository.storeRefreshed(id, vault.seal(id, grant.accessToken()), refreshToken, grant.expiresAt(), clock.instant())
                .flatMap(saved -> wasActive ? Mono.just(saved) : snapshots.announce(saved).thenReturn(saved))
                .doOnNext(saved -> log.info("Refreshed the tokens of connection {} (expire {})", id, grant.expiresAt()))
                .thenReturn(new Outcome(new AccessToken(grant.accessToken(), grant.expiresAt()), null));
    }

    private Mono<Outcome> failed(OAuthConnectionRepository.StoredTokens stored, TokenRequestFailed failure) {
        ConnectionId id = stored.id();
        if (failure.transientFailure()) {
            log.warn("Refreshing connection {} failed for now ({}); the tokens stay and the refresh is tried again",
                    id, failure.error());
            return repository.noteTransientFailure(id, "The provider did not answer the token refresh (" + failure.error() + ")")
                    .thenReturn(stillValid(stored) ? new Outcome(open(stored), null)
                            : new Outcome(null, new ConnectionProblems.ProviderUnavailable()));
        }
        String status = failure.revoked() ? "revoked" : "error";
        log.warn("The provider refused to refresh connection {} ({}); status {}", id, failure.error(), status);
        return repository.recordRefusal(id, status, "The provider refused the token refresh (" + failure.error() + ")",
                        clock.instant())
                .flatMap(saved -> status.equals(stored.status()) ? Mono.just(saved) : snapshots.announce(saved).thenReturn(saved))
                .thenReturn(failure.revoked() ? new Outcome(null, new ConnectionProblems.ConnectionRevoked())
                        : stillValid(stored) ? new Outcome(open(stored), null)
                        : new Outcome(null, new ConnectionProblems.ProviderUnavailable()));
    }

    /** An expired token that nothing can refresh: the connection turns expired (announced once) until it is authorised again. */
    private Mono<Outcome> expired(OAuthConnectionRepository.StoredTokens stored) {
        Outcome outcome = new Outcome(null, new ConnectionProblems.ConnectionExpired());
        if ("expired".equals(stored.status())) {
            return Mono.just(outcome);
        }
        log.warn("The access token of connection {} expired and cannot be refreshed; status expired", stored.id());
        return repository.recordRefusal(stored.id(), "expired", "The access token expired and cannot be refreshed", clock.instant())
                .flatMap(snapshots::announce)
                .thenReturn(outcome);
    }

    /** Whether the provider's entry allows refreshing at all ({@code refresh: none} does not). */
    private boolean refreshable(OAuthConnectionRepository.StoredTokens stored) {
        OAuthSettings.Provider provider = settings.providers().get(stored.type().wireName());
        return provider != null && provider.configured() && provider.refresh() != OAuthSettings.RefreshBehaviour.NONE;
    }

    private boolean fresh(OAuthConnectionRepository.StoredTokens stored) {
        return stored.expiry() == null || stored.expiry().isAfter(clock.instant().plus(settings.refreshMargin()));
    }

    private boolean stillValid(OAuthConnectionRepository.StoredTokens stored) {
        return stored.expiry() == null || stored.expiry().isAfter(clock.instant());
    }

    private AccessToken open(OAuthConnectionRepository.StoredTokens stored) {
        return new AccessToken(vault.open(stored.id(), stored.accessToken()), stored.expiry());
    }
}
