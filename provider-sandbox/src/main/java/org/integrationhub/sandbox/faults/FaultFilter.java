package org.integrationhub.sandbox.faults;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * Plays the fault plans on the providers' API paths (not on the OAuth consent pages or the
 * sandbox's own control endpoints), with each provider's rate-limit headers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FaultFilter implements WebFilter {

    private final Faults faults;

    FaultFilter(Faults faults) {
        this.faults = faults;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Provider provider = providerOf(exchange.getRequest().getPath().value());
        if (provider == null) {
            return chain.filter(exchange);
        }
        Faults.Verdict verdict = faults.next(provider);
        Mono<Void> delay = verdict.delay().isZero() ? Mono.empty() : Mono.delay(verdict.delay()).then();
        return delay.then(verdict.status() == 0 ? chain.filter(exchange) : fail(exchange.getResponse(), provider, verdict));
    }

    static Provider providerOf(String path) {
        if (path.startsWith("/atlassian/api/") || path.startsWith("/atlassian/site/")) {
            return Provider.ATLASSIAN;
        }
        if (path.startsWith("/github/api/")) {
            return Provider.GITHUB;
        }
        if (path.startsWith("/slack/api/") && !path.startsWith("/slack/api/oauth.")) {
            return Provider.SLACK;
        }
        return null;
    }

    private static Mono<Void> fail(ServerHttpResponse response, Provider provider, Faults.Verdict verdict) {
        response.setStatusCode(HttpStatus.valueOf(verdict.status()));
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body;
        if (verdict.status() == 429) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfterSeconds()));
            switch (provider) {
                case ATLASSIAN -> {
                    headers.set("X-RateLimit-Limit", "100");
                    headers.set("X-RateLimit-Remaining", "0");
                    headers.set("RateLimit-Reason", "jira-burst-based");
                }
                case GITHUB -> {
                    headers.set("x-ratelimit-limit", "5000");
                    headers.set("x-ratelimit-remaining", "0");
                    headers.set("x-ratelimit-used", "5000");
                    headers.set("x-ratelimit-reset", String.valueOf(Instant.now().plusSeconds(verdict.retryAfterSeconds()).getEpochSecond()));
                    headers.set("x-ratelimit-resource", "core");
                }
                case SLACK -> { }
            }
            body = provider == Provider.SLACK ? "{\"ok\":false,\"error\":\"ratelimited\"}" : "{\"message\":\"Rate limit exceeded\"}";
        } else {
            if (verdict.status() == 503) {
                headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfterSeconds()));
            }
            body = "{\"message\":\"Sandbox fault: server error\"}";
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
