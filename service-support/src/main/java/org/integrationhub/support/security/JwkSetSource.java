package org.integrationhub.support.security;

import com.nimbusds.jose.jwk.JWKSet;
import reactor.core.publisher.Mono;

/** Where the public keys that sign the hub's JWTs come from: auth-service's JWKS endpoint, or its own key ring. */
@FunctionalInterface
public interface JwkSetSource {

    Mono<JWKSet> fetch();
}
