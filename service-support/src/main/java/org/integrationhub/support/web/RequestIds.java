package org.integrationhub.support.web;

import io.micrometer.context.ContextRegistry;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Gives every request an {@code X-Request-Id}: the caller's when it is a plausible id (letters,
 * digits, {@code .-_:}, at most 128 characters, so nothing odd reaches a log line), otherwise a
 * new UUID. The id goes back on the response, stays on the request (the gateway forwards it
 * downstream), is an exchange attribute ({@link #of}) and sits in Reactor's context under
 * {@link #CONTEXT_KEY}. With {@code spring.reactor.context-propagation=auto} (the hub's default)
 * Micrometer's context propagation copies it into the logging MDC as {@code requestId} wherever
 * the request's pipeline runs, so every log line written while handling the request carries it;
 * {@link #forwarding()} puts it on the service's outbound WebClient calls.
 */
public final class RequestIds implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";
    /** The key in Reactor's context, and in the logging MDC. */
    public static final String CONTEXT_KEY = "requestId";
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(CONTEXT_KEY,
                () -> MDC.get(CONTEXT_KEY), id -> MDC.put(CONTEXT_KEY, id), () -> MDC.remove(CONTEXT_KEY));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && PLAUSIBLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build();
        exchange.getResponse().getHeaders().set(HEADER, id);
        exchange.getAttributes().put(ATTRIBUTE, id);
        return chain.filter(exchange.mutate().request(request).build()).contextWrite(Context.of(CONTEXT_KEY, id));
    }

    /** The id of this exchange's request. */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id == null ? UUID.randomUUID().toString() : id;
    }

    /**
     * Adds the request id of the request being handled (from Reactor's context) to an outbound
     * call that does not name one itself; calls made outside a request (listeners, schedules) go
     * without.
     */
    public static ExchangeFilterFunction forwarding() {
        return (request, next) -> Mono.deferContextual(context -> {
            if (request.headers().containsHeader(HEADER) || !context.hasKey(CONTEXT_KEY)) {
                return next.exchange(request);
            }
            return next.exchange(ClientRequest.from(request).header(HEADER, context.<String>get(CONTEXT_KEY)).build());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
