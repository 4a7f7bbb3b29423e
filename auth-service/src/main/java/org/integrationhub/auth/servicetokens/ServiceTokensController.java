package org.integrationhub.auth.servicetokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.integrationhub.auth.AuthSettings;
import org.integrationhub.auth.tokens.TokenIssuer;
import org.integrationhub.support.web.ApiResponse;
import org.integrationhub.support.web.HubProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/service-tokens}: a hub service proves who it is with HTTP Basic
 * (client id and secret from configuration) and gets a short-lived service JWT with the scopes
 * it asked for, within those it is granted (ADR 0006).
 */
@RestController
class ServiceTokensController {

    private static final Logger log = LoggerFactory.getLogger(ServiceTokensController.class);

    private final AuthSettings settings;
    private final TokenIssuer tokens;

    ServiceTokensController(AuthSettings settings, TokenIssuer tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    record ServiceTokenRequest(String scope) {
    }

    record ServiceTokenView(String accessToken, String tokenType, long expiresIn, Instant expiresAt, String scope) {

        @Override
        public String toString() {
            return "ServiceTokenView[scope=" + scope + ", expiresAt=" + expiresAt + "]";
        }
    }

    static final class InvalidClient extends HubProblem {
        InvalidClient() {
            super(HttpStatus.UNAUTHORIZED, "invalid_client", "Unknown service client or wrong secret.");
        }
    }

    static final class ScopeNotGranted extends HubProblem {
        ScopeNotGranted() {
            super(HttpStatus.BAD_REQUEST, "invalid_scope", "A requested scope is not granted to this client.");
        }
    }

    @PostMapping(path = "/api/auth/service-tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResponse<ServiceTokenView>> issue(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) ServiceTokenRequest request) {
        AuthSettings.ServiceClient client = authenticate(authorization).orElse(null);
        if (client == null) {
            return Mono.error(new InvalidClient());
        }
        Set<String> requested = request == null || request.scope() == null || request.scope().isBlank()
                ? client.scopes() : new HashSet<>(Arrays.asList(request.scope().trim().split("\\s+")));
        if (!client.scopes().containsAll(requested)) {
            return Mono.error(new ScopeNotGranted());
        }
        var token = tokens.forService(client.id(), requested);
        log.info("Issued a service token to {} for scopes {}", client.id(), requested);
        return Mono.just(ApiResponse.of(new ServiceTokenView(token.value(), "Bearer", token.expiresInSeconds(), token.expiresAt(),
                String.join(" ", requested.stream().sorted().toList()))));
    }

    private Optional<AuthSettings.ServiceClient> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = decoded.substring(0, colon);
        byte[] secret = sha256(decoded.substring(colon + 1));
        return settings.serviceClients().stream()
                .filter(c -> c.id().equals(id) && c.secret() != null && !c.secret().isBlank())
                .filter(c -> MessageDigest.isEqual(sha256(c.secret()), secret))
                .findFirst();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
