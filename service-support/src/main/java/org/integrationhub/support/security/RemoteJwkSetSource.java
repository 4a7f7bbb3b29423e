package org.integrationhub.support.security;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** Fetches the JWKS that auth-service publishes at {@code /.well-known/jwks.json}. */
final class RemoteJwkSetSource implements JwkSetSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient http;
    private final URI uri;

    RemoteJwkSetSource(WebClient.Builder http, URI uri) {
        this.http = http.build();
        this.uri = uri;
    }

    @Override
    public Mono<JWKSet> fetch() {
        return http.get().uri(uri).retrieve().bodyToMono(String.class).timeout(TIMEOUT).map(RemoteJwkSetSource::parse);
    }

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("The JWKS is not a valid JWK set", e);
        }
    }
}
