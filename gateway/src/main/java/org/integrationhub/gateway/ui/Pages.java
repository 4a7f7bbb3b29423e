package org.integrationhub.gateway.ui;

import java.util.function.Function;
import org.integrationhub.support.web.RequestIds;
import org.integrationhub.gateway.session.BrowserSession;
import org.integrationhub.gateway.session.SessionCookies;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Runs a page for the signed-in browser: without a live session, or when a service no longer
 * accepts the session's token, the browser is sent to the sign-in page (htmx requests by
 * {@code HX-Redirect}) and the cookie is cleared.
 */
@Component
class Pages {

    private final SessionCookies sessions;

    Pages(SessionCookies sessions) {
        this.sessions = sessions;
    }

    Mono<String> signedIn(ServerWebExchange exchange, Function<Signed, Mono<String>> page) {
        return sessions.read(exchange.getRequest())
                .map(session -> page.apply(new Signed(session, RequestIds.of(exchange)))
                        .onErrorResume(ServiceAnswered.class, refused -> refused.status() == 401
                                ? Mono.just(toSignIn(exchange, true)) : Mono.error(refused)))
                .orElseGet(() -> Mono.just(toSignIn(exchange, false)));
    }

    private String toSignIn(ServerWebExchange exchange, boolean expired) {
        exchange.getResponse().addCookie(sessions.cleared());
        String target = "/ui/login" + (expired ? "?expired" : "");
        if (exchange.getRequest().getHeaders().containsHeader("HX-Request")) {
            exchange.getResponse().getHeaders().set("HX-Redirect", target);
            return "fragments :: empty";
        }
        return "redirect:" + target;
    }

    /** The session and the request id a page's service calls carry. */
    record Signed(BrowserSession session, String requestId) {
    }
}
