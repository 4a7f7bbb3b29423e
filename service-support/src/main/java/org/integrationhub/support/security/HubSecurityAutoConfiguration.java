package org.integrationhub.support.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.integrationhub.support.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * JWT verification for every hub service: {@code /api/**} needs a user token ({@code /api/ops/**}
 * one with the {@code ops} role), {@code /internal/**} a service token, health, metrics and API docs stay open. Tokens are RS256 only (so alg=none and
 * HS256 signed with the public key are refused), signed by a key from the JWKS, with the expected
 * issuer and audience, an expiry, and exp/nbf within the allowed clock skew. Failures answer 401
 * (403 for a token that lacks the role) as RFC 9457 problems.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties(JwtSettings.class)
public class HubSecurityAutoConfiguration {

    /** The only signature algorithm the hub's tokens use. */
    public static final SignatureAlgorithm ALGORITHM = SignatureAlgorithm.RS256;

    @Bean
    @ConditionalOnMissingBean
    JwkSetSource jwkSetSource(WebClient.Builder http, JwtSettings settings) {
        return new RemoteJwkSetSource(http, settings.jwksUri());
    }

    @Bean
    JwksCache jwksCache(JwkSetSource source, JwtSettings settings) {
        return new JwksCache(source, settings.jwksMinRefreshInterval(), settings.jwksMaxAge(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder hubJwtDecoder(JwksCache keys, JwtSettings settings) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys).jwsAlgorithm(ALGORITHM).build();
        decoder.setJwtValidator(validator(settings));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(JwtSettings settings) {
        Duration skew = settings.clockSkew();
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(skew),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, sub -> sub != null),
                new JwtIssuerValidator(settings.issuer()),
                new JwtAudienceValidator(settings.audience())));
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain hubSecurityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            ObjectProvider<HubSecurityCustomizer> customizers) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> {
                    customizers.orderedStream().forEach(customizer -> customizer.customize(exchanges));
                    exchanges
                            .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus").permitAll()
                            .pathMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll()
                            .pathMatchers("/.well-known/jwks.json").permitAll()
                            .pathMatchers("/webhooks/**").permitAll()
                            .pathMatchers("/internal/**").hasRole("SERVICE")
                            .pathMatchers("/api/ops/**").hasRole("OPS")
                            .pathMatchers("/api/**").hasRole("USER")
                            .anyExchange().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(HubSecurityAutoConfiguration::bearerTokenOutsideWebhooks)
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(new HubJwtAuthenticationConverter()))
                        .authenticationEntryPoint(HubSecurityAutoConfiguration::unauthorized)
                        .accessDeniedHandler(HubSecurityAutoConfiguration::forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(HubSecurityAutoConfiguration::unauthorized)
                        .accessDeniedHandler(HubSecurityAutoConfiguration::forbidden))
                .build();
    }

    /**
     * The bearer token of a request, except on {@code /webhooks/**}: there the Authorization header
     * belongs to the provider (Jira signs the webhooks an OAuth app registered with a JWT of its own),
     * is verified by the webhook endpoint, and must not be taken for a hub token.
     */
    private static Mono<Authentication> bearerTokenOutsideWebhooks(ServerWebExchange exchange) {
        if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/webhooks/")) {
            return Mono.empty();
        }
        return BEARER_TOKENS.convert(exchange);
    }

    private static final ServerBearerTokenAuthenticationConverter BEARER_TOKENS = new ServerBearerTokenAuthenticationConverter();

    private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return Problems.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "unauthorized", "A valid bearer token is required.");
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException denied) {
        return Problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "forbidden", "Your token does not allow this.");
    }
}
