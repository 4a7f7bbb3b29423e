package org.integrationhub.sandbox.github;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.integrationhub.sandbox.oauth.AccessGrant;
import org.integrationhub.sandbox.oauth.OAuthServer;
import org.integrationhub.sandbox.oauth.Provider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Everything api.github.com does before a handler runs: authenticates {@code Authorization: Bearer}
 * or {@code token} (401 {@code Bad credentials}, or {@code Requires authentication} without one),
 * counts the request against the token's (or, unauthenticated, the address's) primary rate limit,
 * writes the {@code x-ratelimit-*} headers on every answer and refuses an exhausted limit with 403
 * and {@code x-ratelimit-remaining: 0}. Runs after the fault filter, so a played 429 never counts.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class GitHubApiFilter implements WebFilter {

    static final String PREFIX = "/github/api/";
    static final String GRANT = GitHubApiFilter.class.getName() + ".grant";

    private final OAuthServer oauth;
    private final GitHubRateLimits limits;

    GitHubApiFilter(OAuthServer oauth, GitHubRateLimits limits) {
        this.oauth = oauth;
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith(PREFIX) || path.startsWith(GitHubGrantController.PREFIX)) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-GitHub-Api-Version-Selected", "2022-11-28");
        headers.set("X-GitHub-Media-Type", "github.v3; format=json");
        headers.set("X-GitHub-Request-Id", UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        String token = token(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        Optional<AccessGrant> grant = token == null ? Optional.empty() : oauth.authenticate(Provider.GITHUB, token);
        GitHubRateLimits.Usage usage = grant.isPresent()
                ? limits.count("token:" + token, GitHubRateLimits.AUTHENTICATED_LIMIT)
                : limits.count("address:" + address(exchange), GitHubRateLimits.ANONYMOUS_LIMIT);
        usage.writeTo(headers);
        if (usage.exceeded()) {
            String who = grant.map(g -> "for user " + g.subject()).orElse("for your address");
            return write(exchange.getResponse(), HttpStatus.FORBIDDEN, "API rate limit exceeded " + who + ".",
                    "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api");
        }
        if (grant.isEmpty()) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"GitHub\"");
            return write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, token == null ? "Requires authentication" : "Bad credentials",
                    "https://docs.github.com/rest");
        }
        headers.set("X-OAuth-Scopes", grant.get().scope() == null ? "" : grant.get().scope().replace(",", ", "));
        headers.set("X-Accepted-OAuth-Scopes", "");
        exchange.getAttributes().put(GRANT, grant.get());
        return chain.filter(exchange);
    }

    /** {@code Bearer <t>} or GitHub's older {@code token <t>}. */
    static String token(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String token = value.substring(space + 1).trim();
        return (scheme.equals("bearer") || scheme.equals("token")) && !token.isEmpty() ? token : null;
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String message, String documentationUrl) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"message\":\"" + message.replace("\"", "\\\"") + "\",\"documentation_url\":\"" + documentationUrl
                + "\",\"status\":\"" + status.value() + "\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
