package org.integrationhub.auth.keys;

import org.integrationhub.auth.AuthSettings;
import org.integrationhub.support.security.JwkSetSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** auth-service signs with its key ring and verifies its own tokens against it, without an HTTP round trip. */
@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    @Bean
    JwtKeyRing jwtKeyRing(AuthSettings settings) {
        return JwtKeyRing.from(settings.tokens());
    }

    @Bean
    JwkSetSource localJwkSetSource(JwtKeyRing keys) {
        return () -> Mono.just(keys.publicKeys());
    }
}
