package org.integrationhub.support.security;

import java.util.Set;

/** Another hub service calling an internal endpoint, with the scopes its service token grants. */
public record AuthenticatedService(String name, Set<String> scopes) {

    public AuthenticatedService {
        scopes = Set.copyOf(scopes);
    }

    /** Completes empty when the token grants {@code scope}, else fails with {@link ScopeMissing} (403). */
    public reactor.core.publisher.Mono<Void> requireScope(String scope) {
        return scopes.contains(scope) ? reactor.core.publisher.Mono.empty() : reactor.core.publisher.Mono.error(new ScopeMissing(scope));
    }
}
