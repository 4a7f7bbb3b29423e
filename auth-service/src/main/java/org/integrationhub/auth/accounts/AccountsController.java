package org.integrationhub.auth.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.integrationhub.support.security.AuthenticatedUser;
import org.integrationhub.support.security.Role;
import org.integrationhub.support.web.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code /api/auth/register}, {@code /api/auth/login} and {@code /api/auth/me}. No response carries a password or its hash. */
@RestController
@RequestMapping(path = "/api/auth", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountsController {

    private final Accounts accounts;

    AccountsController(Accounts accounts) {
        this.accounts = accounts;
    }

    record RegisterRequest(
            @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be a valid email address") @Size(max = 254) String email,
            @NotNull @Size(min = 12, max = 72, message = "must be between 12 and 72 characters") String password,
            @Size(max = 120) String organisationName,
            @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9_-]*", message = "is not an invitation token") String invitationToken) {

        @Override
        public String toString() {
            return "RegisterRequest[email=" + email + "]";
        }
    }

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    record UserView(UUID id, String email, Instant createdAt) {
    }

    record OrganisationView(UUID id, String name) {
    }

    record RegisteredView(UserView user, OrganisationView organisation, String role) {
    }

    record TokenView(String accessToken, String tokenType, long expiresIn, Instant expiresAt) {

        @Override
        public String toString() {
            return "TokenView[expiresAt=" + expiresAt + "]";
        }
    }

    record MeView(UUID id, String email, Instant createdAt, OrganisationView organisation, List<String> roles) {
    }

    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<RegisteredView>> register(@Valid @RequestBody RegisterRequest request) {
        return accounts.register(request.email(), request.password(), request.organisationName(), request.invitationToken())
                .map(r -> ApiResponse.of(new RegisteredView(new UserView(r.userId(), r.email(), r.createdAt()),
                        new OrganisationView(r.orgId(), r.orgName()), r.role().claimValue())));
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResponse<TokenView>> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        return accounts.login(request.email(), request.password(), clientAddress(exchange))
                .map(token -> ApiResponse.of(new TokenView(token.value(), "Bearer", token.expiresInSeconds(), token.expiresAt())));
    }

    @GetMapping("/me")
    Mono<ApiResponse<MeView>> me(@AuthenticationPrincipal AuthenticatedUser caller) {
        return accounts.find(caller.userId())
                .map(a -> ApiResponse.of(new MeView(a.userId(), a.email(), a.createdAt(), new OrganisationView(a.orgId(), a.orgName()),
                        accounts.roles(a).stream().map(Role::claimValue).toList())));
    }

    /** 429 with Retry-After, besides the problem body. */
    @ExceptionHandler(AccountProblems.TooManyLoginAttempts.class)
    ResponseEntity<org.springframework.http.ProblemDetail> throttled(AccountProblems.TooManyLoginAttempts throttled) {
        var problem = org.integrationhub.support.web.Problems.of(throttled.status(), throttled.code(), throttled.getMessage());
        throttled.properties().forEach(problem::setProperty);
        return ResponseEntity.status(throttled.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())))
                .body(problem);
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
