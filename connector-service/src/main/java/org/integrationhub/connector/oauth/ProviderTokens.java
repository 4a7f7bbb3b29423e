package org.integrationhub.connector.oauth;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token endpoint of each provider, through Spring Security's reactive token response clients
 * (one authorization-code and one refresh-token client per provider) with the provider's headers,
 * its body encoding ({@link JsonTokenRequests} for Atlassian's JSON) and {@link TokenResponses}
 * reading its answers. Every failure is a {@link TokenRequestFailed}:
 * refused (revoked or not) or transient (5xx, 429, timeout, no connection).
 */
@Component
public class ProviderTokens {

    private final OAuthCatalogue catalogue;
    private final OAuthSettings settings;
    private final Map<String, WebClientReactiveAuthorizationCodeTokenResponseClient> codeClients = new HashMap<>();
    private final Map<String, WebClientReactiveRefreshTokenTokenResponseClient> refreshClients = new HashMap<>();

    public ProviderTokens(OAuthCatalogue catalogue, OAuthSettings settings, WebClient.Builder http, JsonMapper json) {
        this.catalogue = catalogue;
        this.settings = settings;
        settings.providers().forEach((name, provider) -> catalogue.provider(name).ifPresent(configured -> {
            WebClient client = configured.tokenRequestBody() == OAuthSettings.TokenRequestBody.JSON
                    ? http.clone().filter(JsonTokenRequests.asJson()).build() : http.clone().build();
            var code = new WebClientReactiveAuthorizationCodeTokenResponseClient();
            code.setWebClient(client);
            code.addHeadersConverter(request -> headers(configured));
            code.setBodyExtractor(TokenResponses.extractor(configured, json));
            codeClients.put(name, code);
            var refresh = new WebClientReactiveRefreshTokenTokenResponseClient();
            refresh.setWebClient(client);
            refresh.addHeadersConverter(request -> headers(configured));
            refresh.setBodyExtractor(TokenResponses.extractor(configured, json));
            refreshClients.put(name, refresh);
        }));
    }

    private static HttpHeaders headers(OAuthSettings.Provider provider) {
        HttpHeaders headers = new HttpHeaders();
        provider.tokenRequestHeaders().forEach(headers::set);
        return headers;
    }

    /** Exchanges the callback's code, sending the redirect URI and the PKCE verifier of the pending authorisation. */
    public Mono<TokenGrant> exchange(OAuthStates.Pending pending, String code) {
        ClientRegistration registration = catalogue.registration(pending.provider());
        var request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(pending.redirectUri())
                .scopes(registration.getScopes())
                .state(pending.state())
                .attributes(attributes -> {
                    if (pending.codeVerifier() != null) {
                        attributes.put(PkceParameterNames.CODE_VERIFIER, pending.codeVerifier());
                    }
                })
                .build();
        var response = OAuth2AuthorizationResponse.success(code).redirectUri(pending.redirectUri()).state(pending.state()).build();
        var grant = new OAuth2AuthorizationCodeGrantRequest(registration, new OAuth2AuthorizationExchange(request, response));
        return bounded(codeClients.get(pending.provider()).getTokenResponse(grant));
    }

    /** Uses a refresh token once; for a rotating provider the answer holds the only refresh token still worth keeping. */
    public Mono<TokenGrant> refresh(String provider, String accessToken, String refreshToken) {
        ClientRegistration registration = catalogue.registration(provider);
        var current = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, null, null);
        var grant = new OAuth2RefreshTokenGrantRequest(registration, current, new OAuth2RefreshToken(refreshToken, null));
        return bounded(refreshClients.get(provider).getTokenResponse(grant));
    }

    private Mono<TokenGrant> bounded(Mono<OAuth2AccessTokenResponse> call) {
        return call.timeout(settings.timeout())
                .map(ProviderTokens::grant)
                .onErrorMap(TimeoutException.class, timeout -> TokenRequestFailed.unavailable("timeout"))
                .onErrorMap(WebClientRequestException.class, failure -> TokenRequestFailed.unavailable("no answer"))
                .onErrorMap(failure -> !(failure instanceof TokenRequestFailed),
                        failure -> TokenRequestFailed.unavailable(failure.getClass().getSimpleName()));
    }

    private static TokenGrant grant(OAuth2AccessTokenResponse response) {
        Map<String, Object> details = new HashMap<>(response.getAdditionalParameters());
        boolean expires = details.remove(TokenResponses.EXPIRES) != null;
        Instant expiresAt = expires ? response.getAccessToken().getExpiresAt() : null;
        String scope = response.getAccessToken().getScopes().isEmpty() ? null : String.join(" ", response.getAccessToken().getScopes());
        return new TokenGrant(response.getAccessToken().getTokenValue(),
                response.getRefreshToken() == null ? null : response.getRefreshToken().getTokenValue(), expiresAt, scope, details);
    }
}
