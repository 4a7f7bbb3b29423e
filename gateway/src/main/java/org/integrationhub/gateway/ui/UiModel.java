package org.integrationhub.gateway.ui;

import org.integrationhub.gateway.session.SessionCookies;
import org.integrationhub.gateway.session.TokenRoles;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every page's model has: the CSRF token its forms carry (as the hidden field {@code _csrf}),
 * and whether the signed-in person is an operator (the navigation then links the operator page).
 */
@ControllerAdvice(basePackageClasses = UiModel.class)
class UiModel {

    private final SessionCookies sessions;

    UiModel(SessionCookies sessions) {
        this.sessions = sessions;
    }

    @ModelAttribute("operator")
    boolean operator(ServerWebExchange exchange) {
        return sessions.read(exchange.getRequest()).map(session -> TokenRoles.of(session).contains("ops")).orElse(false);
    }

    @ModelAttribute("csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }
}
