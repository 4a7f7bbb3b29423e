package org.integrationhub.connector.oauth;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The configured providers as Spring Security {@link ClientRegistration}s (client secret sent in
 * the token request body, which every provider here accepts), and authorization requests built by
 * {@link DefaultServerOAuth2AuthorizationRequestResolver}: a random state, PKCE S256 where the
 * provider's entry asks for it ({@code requireProofKey}), the exact configured redirect URI, and
 * the provider's extra parameters (Atlassian's {@code audience} and {@code prompt=consent},
 * Slack's {@code user_scope}).
 */
@Component
public class OAuthCatalogue {

    private final Map<String, OAuthSettings.Provider> providers = new LinkedHashMap<>();
    private final Map<String, ClientRegistration> registrations = new LinkedHashMap<>();
    private final Map<String, DefaultServerOAuth2AuthorizationRequestResolver> resolvers = new LinkedHashMap<>();

    public OAuthCatalogue(OAuthSettings settings) {
        settings.providers().forEach((name, provider) -> {
            if (provider.configured()) {
                providers.put(name, provider);
                registrations.put(name, registration(name, provider));
            }
        });
        if (!registrations.isEmpty()) {
            var repository = new InMemoryReactiveClientRegistrationRepository(registrations.values().toArray(ClientRegistration[]::new));
            providers.forEach((name, provider) -> {
                var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(repository);
                resolver.setAuthorizationRequestCustomizer(builder -> builder
                        .additionalParameters(parameters -> parameters.putAll(provider.authorizeParameters())));
                resolvers.put(name, resolver);
            });
        }
    }

    private static ClientRegistration registration(String name, OAuthSettings.Provider provider) {
        return ClientRegistration.withRegistrationId(name)
                .clientId(provider.clientId())
                .clientSecret(provider.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(provider.pkce()).build())
                .redirectUri(provider.redirectUri())
                .scope(provider.scopes())
                .authorizationUri(provider.authorizationUri())
                .tokenUri(provider.tokenUri())
                .clientName(name)
                .build();
    }

    /** A provider people can connect: the catalogue's key ({@code github}) and its name ({@code GitHub}). */
    public record Offered(String provider, String name) {
    }

    /** The providers with an OAuth app (client credentials), by name: the only ones worth a Connect button. */
    public List<Offered> offered() {
        return providers.entrySet().stream().map(entry -> new Offered(entry.getKey(), entry.getValue().name()))
                .sorted(Comparator.comparing(Offered::name)).toList();
    }

    /** A provider that is configured (has client credentials); empty for an unknown or unconfigured one. */
    public Optional<OAuthSettings.Provider> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    ClientRegistration registration(String name) {
        return registrations.get(name);
    }

    /** A new authorization request (state, PKCE verifier in its attributes, full authorization URL). */
    public Mono<OAuth2AuthorizationRequest> authorizationRequest(ServerWebExchange exchange, String name) {
        return resolvers.get(name).resolve(exchange, name);
    }
}
