package org.integrationhub.connector.oauth;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Ends a grant at the provider when a connection is disconnected, where the provider supports it
 * ({@link OAuthSettings.Revocation}). Best effort: answers whether the provider confirmed; a
 * failure is logged (without the token) and the disconnect goes on.
 */
@Component
public class ProviderRevocation {

    private static final Logger log = LoggerFactory.getLogger(ProviderRevocation.class);

    private final OAuthCatalogue catalogue;
    private final OAuthSettings settings;
    private final WebClient http;

    public ProviderRevocation(OAuthCatalogue catalogue, OAuthSettings settings, WebClient.Builder http) {
        this.catalogue = catalogue;
        this.settings = settings;
        this.http = http.clone().build();
    }

    public Mono<Boolean> revoke(String providerName, String accessToken, String refreshToken) {
        OAuthSettings.Provider provider = catalogue.provider(providerName).orElse(null);
        if (provider == null || provider.revocation() == OAuthSettings.Revocation.NONE || accessToken == null) {
            return Mono.just(false);
        }
        String uri = provider.revocationUri().replace("{clientId}", provider.clientId());
        Mono<Boolean> call = switch (provider.revocation()) {
            case GITHUB_GRANT -> http.method(HttpMethod.DELETE).uri(uri)
                    .headers(h -> h.setBasicAuth(provider.clientId(), provider.clientSecret()))
                    .accept(MediaType.valueOf("application/vnd.github+json"))
                    .bodyValue(Map.of("access_token", accessToken))
                    .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().is2xxSuccessful()));
            case SLACK_AUTH_REVOKE -> http.post().uri(uri).headers(h -> h.setBearerAuth(accessToken))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("test", "false"))
                    .retrieve().bodyToMono(Map.class).map(answer -> Boolean.TRUE.equals(answer.get("ok")));
            case RFC7009 -> http.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("token", refreshToken == null ? accessToken : refreshToken)
                            .with("token_type_hint", refreshToken == null ? "access_token" : "refresh_token")
                            .with("client_id", provider.clientId()).with("client_secret", provider.clientSecret()))
                    .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().is2xxSuccessful()));
            case NONE -> Mono.just(false);
        };
        return call.timeout(settings.timeout())
                .doOnNext(confirmed -> log.info("Revocation at {}: {}", providerName, confirmed ? "confirmed" : "not confirmed"))
                .onErrorResume(failure -> {
                    log.warn("Revocation at {} failed: {}", providerName, failure.getClass().getSimpleName());
                    return Mono.just(false);
                });
    }
}
