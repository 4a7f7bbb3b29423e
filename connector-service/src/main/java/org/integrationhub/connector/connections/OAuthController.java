package org.integrationhub.connector.connections;

import java.net.URI;
import java.util.List;
import org.integrationhub.connector.oauth.ExternalIdentities;
import org.integrationhub.connector.oauth.OAuthCatalogue;
import org.integrationhub.connector.oauth.OAuthSettings;
import org.integrationhub.connector.oauth.OAuthStates;
import org.integrationhub.connector.oauth.ProviderTokens;
import org.integrationhub.connector.oauth.TokenRequestFailed;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.support.security.AuthenticatedUser;
import org.integrationhub.support.web.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The OAuth flow without a web session. {@code GET /api/oauth/providers} (user JWT) names the providers
 * with an OAuth app, the ones a UI offers. {@code POST /api/integrations/{provider}/authorize} (user
 * JWT) stores a single-use state bound to the caller's organisation and user (with the PKCE
 * verifier) and answers the provider's authorization URL. {@code GET /api/oauth/callback/{provider}}
 * (the browser coming back, no JWT) takes that state, exchanges the code, reads the external
 * identity, stores the connection and redirects to the UI ({@code hub.connector.oauth.ui-redirect-url})
 * with {@code status=connected&connectionId=…} or {@code status=error&error=access_denied|invalid_state|exchange_failed}.
 * An unknown, used, expired or other provider's state stores nothing. Neither code, state nor token is logged.
 */
@RestController
class OAuthController {

    private static final Logger log = LoggerFactory.getLogger(OAuthController.class);

    private final OAuthCatalogue catalogue;
    private final OAuthStates states;
    private final ProviderTokens tokens;
    private final ExternalIdentities identities;
    private final OAuthConnections connections;
    private final JiraWebhookRegistrations jiraWebhooks;
    private final OAuthSettings settings;

    OAuthController(OAuthCatalogue catalogue, OAuthStates states, ProviderTokens tokens, ExternalIdentities identities,
            OAuthConnections connections, JiraWebhookRegistrations jiraWebhooks, OAuthSettings settings) {
        this.jiraWebhooks = jiraWebhooks;
        this.catalogue = catalogue;
        this.states = states;
        this.tokens = tokens;
        this.identities = identities;
        this.connections = connections;
        this.settings = settings;
    }

    record AuthorizationView(String authorizationUrl) {
    }

    /** The providers this hub has an OAuth app for (user JWT): {@code {data: [{provider: "github", name: "GitHub"}, …]}}. */
    @GetMapping(path = "/api/oauth/providers", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<List<OAuthCatalogue.Offered>> providers() {
        return ApiResponse.of(catalogue.offered());
    }

    @PostMapping(path = "/api/integrations/{provider}/authorize", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResponse<AuthorizationView>> authorize(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String provider,
            ServerWebExchange exchange) {
        if (catalogue.provider(provider).isEmpty()) {
            return Mono.error(new ConnectionProblems.ProviderNotFound());
        }
        return catalogue.authorizationRequest(exchange, provider)
                .flatMap(request -> states.remember(provider, caller.orgId(), caller.userId(), request)
                        .thenReturn(new AuthorizationView(request.getAuthorizationRequestUri())))
                .doOnNext(view -> log.info("Authorisation with {} started in organisation {}", provider, caller.orgId()))
                .map(ApiResponse::of);
    }

    @GetMapping("/api/oauth/callback/{provider}")
    Mono<ResponseEntity<Void>> callback(@PathVariable String provider, @RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error) {
        return states.take(state)
                .filter(pending -> pending.provider().equals(provider))
                .flatMap(pending -> {
                    if (error != null) {
                        log.info("Authorisation with {} in organisation {} ended at the provider: {}", provider, pending.orgId(),
                                "access_denied".equals(error) ? error : "error");
                        return Mono.just(failure(provider, "access_denied".equals(error) ? "access_denied" : "exchange_failed"));
                    }
                    if (code == null || code.isBlank()) {
                        return Mono.just(failure(provider, "exchange_failed"));
                    }
                    OAuthSettings.Provider configured = catalogue.provider(provider).orElse(null);
                    if (configured == null) {
                        return Mono.just(failure(provider, "exchange_failed"));
                    }
                    return tokens.exchange(pending, code)
                            .flatMap(grant -> identities.identify(configured, grant)
                                    .flatMap(identity -> connections.connect(pending, ExternalSystem.fromWireName(configured.system()),
                                            identity, grant)))
                            .flatMap(connection -> registerWebhook(connection).thenReturn(success(provider, connection)))
                            .onErrorResume(failure -> {
                                log.warn("Authorisation with {} in organisation {} failed: {}", provider, pending.orgId(),
                                        failure instanceof TokenRequestFailed refused ? refused.error() : failure.getClass().getSimpleName());
                                return Mono.just(failure(provider, "exchange_failed"));
                            });
                })
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    log.info("OAuth callback for {} with an unknown, used, expired or other provider's state", provider);
                    return failure(provider, "invalid_state");
                }));
    }

    /** A Jira connection gets its dynamic webhook right away (best effort; the scheduled pass retries). */
    private Mono<java.time.Instant> registerWebhook(Connection connection) {
        return connection.type() == ExternalSystem.JIRA ? jiraWebhooks.ensure(connection.id()) : Mono.empty();
    }

    private ResponseEntity<Void> success(String provider, Connection connection) {
        return redirect(UriComponentsBuilder.fromUriString(settings.uiRedirectUrl()).queryParam("provider", provider)
                .queryParam("status", "connected").queryParam("connectionId", connection.id().toString()).build().toUri());
    }

    private ResponseEntity<Void> failure(String provider, String error) {
        String known = catalogue.provider(provider).isPresent() ? provider : "unknown";
        return redirect(UriComponentsBuilder.fromUriString(settings.uiRedirectUrl()).queryParam("provider", known)
                .queryParam("status", "error").queryParam("error", error).build().toUri());
    }

    private static ResponseEntity<Void> redirect(URI location) {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
