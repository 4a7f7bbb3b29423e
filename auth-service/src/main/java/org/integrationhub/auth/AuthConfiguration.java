package org.integrationhub.auth;

import java.time.Clock;
import org.integrationhub.support.security.HubSecurityCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** auth-service wiring: settings, the clock, and the endpoints a caller reaches without a token. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthSettings.class)
class AuthConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    HubSecurityCustomizer openAuthEndpoints() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login", "/api/auth/service-tokens").permitAll();
    }
}
