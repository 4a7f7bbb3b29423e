package org.integrationhub.support.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The verification keys, cached. A token whose key id is unknown causes a refresh only if the
 * last attempt is older than the minimum refresh interval, so a flood of forged key ids cannot
 * turn into a flood of JWKS requests; concurrent refreshes share one fetch. The set is also
 * refreshed once it is older than its maximum age. A failed fetch keeps the keys already known.
 */
public final class JwksCache implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(JwksCache.class);

    private final JwkSetSource source;
    private final Duration minRefreshInterval;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(new JWKSet(), Instant.EPOCH));
    private final AtomicReference<Instant> lastAttempt = new AtomicReference<>(Instant.EPOCH);
    private final AtomicReference<Mono<Snapshot>> inFlight = new AtomicReference<>();
    private final AtomicLong fetches = new AtomicLong();

    public JwksCache(JwkSetSource source, Duration minRefreshInterval, Duration maxAge, Clock clock) {
        this.source = source;
        this.minRefreshInterval = minRefreshInterval;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            return Flux.empty();
        }
        Snapshot current = snapshot.get();
        JWK known = current.keys().getKeyByKeyId(kid);
        boolean expired = current.fetchedAt().plus(maxAge).isBefore(clock.instant());
        if ((known != null && !expired) || !mayRefresh()) {
            return Mono.justOrEmpty(known).flux();
        }
        return refresh().flatMapMany(fresh -> Mono.justOrEmpty(fresh.keys().getKeyByKeyId(kid)));
    }

    /** How many times the key set was fetched; for operators and tests. */
    public long fetches() {
        return fetches.get();
    }

    private boolean mayRefresh() {
        Instant last = lastAttempt.get();
        return last.plus(minRefreshInterval).isBefore(clock.instant()) || inFlight.get() != null;
    }

    private Mono<Snapshot> refresh() {
        Mono<Snapshot> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Mono<Snapshot> fetch = Mono.defer(() -> {
                    lastAttempt.set(clock.instant());
                    fetches.incrementAndGet();
                    return source.fetch();
                })
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("the key source answered nothing")))
                .map(keys -> new Snapshot(keys, clock.instant()))
                .doOnNext(snapshot::set)
                .onErrorResume(failure -> {
                    log.warn("Could not refresh the JWKS ({}); keeping {} known key(s)", failure.toString(),
                            snapshot.get().keys().size());
                    return Mono.just(snapshot.get());
                })
                .doFinally(signal -> inFlight.set(null))
                .cache();
        if (inFlight.compareAndSet(null, fetch)) {
            return fetch;
        }
        Mono<Snapshot> other = inFlight.get();
        return other != null ? other : Mono.fromSupplier(snapshot::get);
    }

    private record Snapshot(JWKSet keys, Instant fetchedAt) {
    }
}
