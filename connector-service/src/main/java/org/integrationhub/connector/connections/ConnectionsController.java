package org.integrationhub.connector.connections;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.support.security.AuthenticatedUser;
import org.integrationhub.support.web.ApiResponse;
import org.integrationhub.support.web.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/integrations}: the caller's organisation's connections. Secrets go in, never out:
 * a response says only whether a webhook secret is set. A webhook secret is chosen by the person (who
 * types the same value into the provider's webhook settings) and replaced with {@code PATCH {webhookSecret}}:
 * sealed, stored and announced, so webhook-ingest verifies with it from then on (ADR 0019).
 */
@RestController
@RequestMapping(path = "/api/integrations", produces = MediaType.APPLICATION_JSON_VALUE)
class ConnectionsController {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final String PROJECT_KEY = "[A-Z][A-Z0-9_]{0,9}";
    /** A Jira project key, or a GitHub repository {@code owner/name} (which repositories a GitHub connection syncs). */
    private static final String PROJECT_OR_REPOSITORY = PROJECT_KEY + "|" + Connections.REPOSITORY;

    /** A webhook secret is a long random value: at least this many characters. */
    private static final int WEBHOOK_SECRET_MIN = 24;
    private static final String WEBHOOK_SECRET_RULE = "must be between 24 and 256 characters long (a long random value)";

    private final Connections connections;

    ConnectionsController(Connections connections) {
        this.connections = connections;
    }

    record CreateRequest(
            @NotBlank @Pattern(regexp = "jira", message = "must be jira (GitHub, Slack and Confluence connect through OAuth)") String type,
            @NotBlank @Pattern(regexp = "api_token", message = "must be api_token (OAuth connections start at /api/integrations/{provider}/authorize)") String auth,
            @Size(max = 120) String displayName,
            @NotBlank @Size(max = 2048) String baseUrl,
            @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be a valid email address") @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String apiToken,
            @Size(min = WEBHOOK_SECRET_MIN, max = 256, message = WEBHOOK_SECRET_RULE) String webhookSecret,
            @Size(max = 50) List<@Pattern(regexp = PROJECT_KEY, message = "must be a Jira project key like PROJ") String> projectKeys,
            @Size(max = 2000) String jqlFilter,
            Boolean pollingEnabled,
            Boolean enabled) {

        @Override
        public String toString() {
            return "CreateRequest[type=" + type + ", baseUrl=" + baseUrl + "]";
        }
    }

    record ChangeRequest(
            @Size(min = 1, max = 120) String displayName,
            @Size(min = 1, max = 1024) String apiToken,
            @Size(min = WEBHOOK_SECRET_MIN, max = 256, message = WEBHOOK_SECRET_RULE) String webhookSecret,
            @Size(max = 50) List<@Pattern(regexp = PROJECT_OR_REPOSITORY, message = "must be a Jira project key like PROJ or a GitHub repository like owner/repo") String> projectKeys,
            @Size(max = 2000) String jqlFilter,
            Boolean pollingEnabled,
            Boolean enabled) {

        @Override
        public String toString() {
            return "ChangeRequest[displayName=" + displayName + "]";
        }
    }

    record ExternalAccount(String id, String email, String displayName) {
    }

    record ConnectionView(UUID id, String type, String auth, String displayName, String baseUrl, String email,
            List<String> projectKeys, String jqlFilter, boolean pollingEnabled, boolean enabled, boolean primary, String status,
            String lastError, int errorCount, Instant lastUsedAt, Instant connectedAt, Instant tokenExpiry,
            ExternalAccount externalAccount, boolean hasWebhookSecret, long revision, Instant createdAt, Instant updatedAt,
            String siteUrl) {

        static ConnectionView of(Connection c) {
            return new ConnectionView(c.id().value(), c.type().wireName(), c.authType(), c.displayName(), c.baseUrl(), c.email(),
                    c.projectKeys(), c.jqlFilter(), c.pollingEnabled(), c.enabled(), c.primary(), c.status(), c.lastError(),
                    c.errorCount(), c.lastUsedAt(), c.connectedAt(), c.tokenExpiry(),
                    c.externalAccountId() == null ? null : new ExternalAccount(c.externalAccountId(), c.externalEmail(), c.externalDisplayName()),
                    c.webhookSecret() != null, c.revision(), c.createdAt(), c.updatedAt(), c.siteUrl());
        }
    }

    record TestView(boolean connected, String message) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<ConnectionView>> create(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody CreateRequest request) {
        String baseUrl = siteUrl(request.baseUrl());
        String displayName = request.displayName() == null || request.displayName().isBlank()
                ? "Jira (" + URI.create(baseUrl).getHost() + ")" : request.displayName().trim();
        var draft = new Connections.NewJiraConnection(displayName, baseUrl, request.email().trim().toLowerCase(Locale.ROOT),
                request.apiToken(), request.webhookSecret(), request.projectKeys() == null ? List.of() : request.projectKeys(),
                blankToNull(request.jqlFilter()), Boolean.TRUE.equals(request.pollingEnabled()), !Boolean.FALSE.equals(request.enabled()));
        return connections.create(caller.orgId(), draft).map(c -> ApiResponse.of(ConnectionView.of(c)));
    }

    @GetMapping
    Mono<ApiResponse<List<ConnectionView>>> list(@AuthenticationPrincipal AuthenticatedUser caller) {
        return connections.list(caller.orgId()).map(ConnectionView::of).collectList().map(ApiResponse::of);
    }

    @GetMapping("/{id}")
    Mono<ApiResponse<ConnectionView>> get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        return connections.get(caller.orgId(), ConnectionId.of(id)).map(c -> ApiResponse.of(ConnectionView.of(c)));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResponse<ConnectionView>> change(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
            @Valid @RequestBody ChangeRequest request) {
        var changes = new Connections.Changes(request.displayName(), request.apiToken(), request.webhookSecret(), request.projectKeys(),
                request.jqlFilter(), request.pollingEnabled(), request.enabled());
        return connections.change(caller.orgId(), ConnectionId.of(id), changes).map(c -> ApiResponse.of(ConnectionView.of(c)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        return connections.delete(caller.orgId(), ConnectionId.of(id));
    }

    @PostMapping("/{id}/primary")
    Mono<ApiResponse<ConnectionView>> makePrimary(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        return connections.makePrimary(caller.orgId(), ConnectionId.of(id)).map(c -> ApiResponse.of(ConnectionView.of(c)));
    }

    @PostMapping("/{id}/test")
    Mono<ApiResponse<TestView>> test(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        return connections.test(caller.orgId(), ConnectionId.of(id)).map(r -> ApiResponse.of(new TestView(r.connected(), r.message())));
    }

    /** An https site URL (plain http only for this machine), without a trailing slash. */
    static String siteUrl(String raw) {
        URI uri;
        try {
            uri = URI.create(raw.trim());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidField("baseUrl", "must be a URL such as https://your-site.atlassian.net");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri.getHost() == null || !(https || loopbackHttp) || uri.getQuery() != null || uri.getFragment() != null
                || uri.getUserInfo() != null) {
            throw new InvalidField("baseUrl", "must be an https URL such as https://your-site.atlassian.net (http only for localhost)");
        }
        return uri.toString().replaceAll("/+$", "");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
