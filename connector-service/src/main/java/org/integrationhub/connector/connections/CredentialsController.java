package org.integrationhub.connector.connections;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.integrationhub.connector.credentials.CredentialVault;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.support.security.AuthenticatedService;
import org.integrationhub.support.web.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Internal, service-authenticated: {@code GET /internal/connections/{id}/credentials} (scope
 * {@code credentials:read}) hands the sync-worker what it needs to call the provider — the
 * {@code Authorization} header value: Basic for an API token, Bearer with a fresh access token for
 * an OAuth connection (refreshed first, single-flight, when it is about to expire) — and is the only way a decrypted credential
 * leaves this service. {@code POST /internal/credentials/reseal} (scope {@code credentials:rotate})
 * re-encrypts every stored secret under the active credential key and re-announces every
 * connection whose webhook secret was last published under another webhook sealing key.
 */
@RestController
class CredentialsController {

    static final String READ_SCOPE = "credentials:read";
    static final String ROTATE_SCOPE = "credentials:rotate";
    private static final Logger log = LoggerFactory.getLogger(CredentialsController.class);

    private final ConnectionRepository repository;
    private final CredentialVault vault;
    private final CredentialRotation rotation;
    private final ConnectionSnapshots snapshots;
    private final OAuthCredentials oauth;

    CredentialsController(ConnectionRepository repository, CredentialVault vault, CredentialRotation rotation,
            ConnectionSnapshots snapshots, OAuthCredentials oauth) {
        this.repository = repository;
        this.vault = vault;
        this.rotation = rotation;
        this.snapshots = snapshots;
        this.oauth = oauth;
    }

    record CredentialsView(UUID connectionId, String type, String baseUrl, String authorization, Instant expiresAt) {

        @Override
        public String toString() {
            return "CredentialsView[connectionId=" + connectionId + "]";
        }
    }

    /**
     * {@code resealed}: connections whose stored secrets were re-encrypted under {@code activeKeyId};
     * {@code webhookSecretsRepublished}: connections re-announced with their webhook secret sealed
     * under {@code activeWebhookKeyId}.
     */
    record ResealView(int resealed, String activeKeyId, int webhookSecretsRepublished, String activeWebhookKeyId) {
    }


    @GetMapping(path = "/internal/connections/{id}/credentials", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ApiResponse<CredentialsView>>> credentials(@AuthenticationPrincipal AuthenticatedService caller,
            @PathVariable UUID id) {
        ConnectionId connection = ConnectionId.of(id);
        return caller.requireScope(READ_SCOPE)
                .then(Mono.defer(() -> repository.findAnyOrganisation(connection)))
                .switchIfEmpty(Mono.error(new ConnectionProblems.ConnectionNotFound()))
                .flatMap(c -> "oauth".equals(c.authType()) ? oauthCredentials(caller, c) : Mono.fromCallable(() -> {
                    String basic = Base64.getEncoder().encodeToString(
                            (c.email() + ":" + vault.open(connection, c.apiToken())).getBytes(StandardCharsets.UTF_8));
                    log.info("Handed the credentials of connection {} to {}", connection, caller.name());
                    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                            .body(ApiResponse.of(new CredentialsView(id, c.type().wireName(), c.baseUrl(), "Basic " + basic, null)));
                }));
    }

    /** An OAuth connection's access token as a Bearer value, refreshed first when it is about to expire (single-flight). */
    private Mono<ResponseEntity<ApiResponse<CredentialsView>>> oauthCredentials(AuthenticatedService caller, Connection c) {
        return oauth.accessToken(c.id()).map(token -> {
            log.info("Handed the OAuth access token of connection {} to {}", c.id(), caller.name());
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ApiResponse.of(new CredentialsView(c.id().value(),
                    c.type().wireName(), c.baseUrl(), "Bearer " + token.value(), token.expiresAt())));
        });
    }

    @PostMapping(path = "/internal/credentials/reseal", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResponse<ResealView>> reseal(@AuthenticationPrincipal AuthenticatedService caller) {
        return caller.requireScope(ROTATE_SCOPE)
                .then(Mono.defer(rotation::resealAll))
                .map(outcome -> ApiResponse.of(new ResealView(outcome.resealed(), vault.activeKeyId(), outcome.republished(),
                        snapshots.activeWebhookKeyId())));
    }
}
