package org.integrationhub.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}: the caller's when it is a plausible id (letters,
 * digits, {@code .-_:}, at most 128 characters), otherwise a new UUID. The id goes downstream
 * with the request, back to the caller on the response, and to the web UI's own service calls
 * (exchange attribute {@link #ATTRIBUTE}).
 */
public final class RequestIds implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && PLAUSIBLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build();
        exchange.getResponse().getHeaders().set(HEADER, id);
        exchange.getAttributes().put(ATTRIBUTE, id);
        return chain.filter(exchange.mutate().request(request).build());
    }

    /** The id of this exchange's request. */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id == null ? UUID.randomUUID().toString() : id;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
