package org.integrationhub.gateway.session;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * On every routed request: a browser request that carries a live session and no Authorization
 * header of its own goes downstream with {@code Authorization: Bearer <the session's token>};
 * a script's own Authorization header is left alone. The gateway's own cookies (session and CSRF)
 * never leave the gateway. Webhooks pass untouched: their headers belong to the provider.
 */
public final class TokenRelay implements GlobalFilter, Ordered {

    private final SessionCookies sessions;
    private final List<String> ownCookies;

    public TokenRelay(SessionCookies sessions, List<String> otherOwnCookies) {
        this.sessions = sessions;
        this.ownCookies = java.util.stream.Stream.concat(java.util.stream.Stream.of(sessions.cookieName()), otherOwnCookies.stream()).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getPath().pathWithinApplication().value().startsWith("/webhooks/")) {
            return chain.filter(exchange);
        }
        boolean ownAuthorization = request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        var session = ownAuthorization ? java.util.Optional.<BrowserSession>empty() : sessions.read(request);
        ServerHttpRequest relayed = request.mutate().headers(headers -> {
            session.ifPresent(s -> headers.setBearerAuth(s.accessToken()));
            withoutOwnCookies(headers);
        }).build();
        return chain.filter(exchange.mutate().request(relayed).build());
    }

    private void withoutOwnCookies(HttpHeaders headers) {
        List<String> cookies = headers.get(HttpHeaders.COOKIE);
        if (cookies == null) {
            return;
        }
        String kept = cookies.stream()
                .flatMap(line -> java.util.Arrays.stream(line.split(";")))
                .map(String::trim)
                .filter(pair -> !pair.isEmpty() && ownCookies.stream().noneMatch(name -> pair.startsWith(name + "=")))
                .collect(Collectors.joining("; "));
        headers.remove(HttpHeaders.COOKIE);
        if (!kept.isEmpty()) {
            headers.set(HttpHeaders.COOKIE, kept);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
