package org.integrationhub.gateway;

import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.util.List;
import org.integrationhub.gateway.edge.EdgeSecurity;
import org.integrationhub.gateway.edge.SignInLimit;
import org.integrationhub.gateway.session.SessionCookies;
import org.integrationhub.gateway.session.SessionRevocations;
import org.integrationhub.gateway.session.TokenRelay;
import org.integrationhub.gateway.ui.HubApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SessionCookies sessionCookies(GatewaySettings settings, Clock clock) {
        return new SessionCookies(settings.session(), new SessionRevocations(clock), clock);
    }

    @Bean
    TokenRelay tokenRelay(SessionCookies sessions) {
        return new TokenRelay(sessions, List.of(EdgeSecurity.CSRF_COOKIE));
    }

    @Bean
    SignInLimit signInLimit(GatewaySettings settings, Clock clock) {
        return new SignInLimit(settings.signInLimit(), clock);
    }

    /** Replaces service-support's chain, which would deny the UI's paths (it backs off from this bean). */
    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, SessionCookies sessions, GatewaySettings settings) {
        return EdgeSecurity.chain(http, sessions, settings.oauthConsentOrigins());
    }

    @Bean
    HubApi hubApi(WebClient.Builder builder, GatewaySettings settings) {
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, settings.timeouts().connectMillis())
                .responseTimeout(settings.timeouts().response());
        return new HubApi(builder.clone().clientConnector(new ReactorClientHttpConnector(client)).build(), settings.services());
    }
}
