package org.integrationhub.gateway.edge;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.integrationhub.gateway.GatewaySettings;
import org.integrationhub.support.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts sign-in attempts (the UI's form and the API's login) per client address in fixed
 * windows and answers 429 with Retry-After once an address has used up its attempts, so
 * passwords cannot be guessed at speed through the gateway. The address is the TCP peer's.
 */
public final class SignInLimit implements WebFilter, Ordered {

    private static final Set<String> SIGN_IN_PATHS = Set.of("/ui/login", "/api/auth/login");

    private final GatewaySettings.SignInLimit settings;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public SignInLimit(GatewaySettings.SignInLimit settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private record Window(long startMillis, int attempts) {
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!HttpMethod.POST.equals(exchange.getRequest().getMethod())
                || !SIGN_IN_PATHS.contains(exchange.getRequest().getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        long now = clock.millis();
        long windowMillis = settings.window().toMillis();
        windows.values().removeIf(w -> now - w.startMillis() >= windowMillis);
        Window window = windows.merge(address(exchange), new Window(now, 1),
                (old, fresh) -> now - old.startMillis() >= windowMillis ? fresh : new Window(old.startMillis(), old.attempts() + 1));
        if (window.attempts() > settings.attempts()) {
            long retryAfter = Math.max(1, Duration.ofMillis(window.startMillis() + windowMillis - now).toSeconds());
            exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(retryAfter));
            if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/ui/")) {
                return page(exchange, retryAfter);
            }
            return Problems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "too_many_sign_in_attempts",
                    "Too many sign-in attempts from your address. Wait " + retryAfter + " seconds and try again.");
        }
        return chain.filter(exchange);
    }

    /** The sign-in form's answer: a page in words (fixed text, nothing of the request in it). */
    private static Mono<Void> page(ServerWebExchange exchange, long retryAfter) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(org.springframework.http.MediaType.TEXT_HTML);
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many sign-in attempts</title>"
                + "<link rel=\"stylesheet\" href=\"/css/hub.css\"></head><body><main class=\"narrow\"><h1>Too many sign-in attempts</h1>"
                + "<p class=\"error\" role=\"alert\">There were too many sign-in attempts from your address. Wait " + retryAfter
                + " seconds, then <a href=\"/ui/login\">try again</a>.</p></main></body></html>";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(html.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
