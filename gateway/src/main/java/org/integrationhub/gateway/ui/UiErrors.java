package org.integrationhub.gateway.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Failures of the web UI's pages become a page that says in words what went wrong (never a stack
 * trace, never JSON); ahead of service-support's problem handler, which answers the APIs.
 */
@ControllerAdvice(basePackageClasses = UiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UiErrors {

    private static final Logger log = LoggerFactory.getLogger(UiErrors.class);

    @ExceptionHandler(ServiceUnreachable.class)
    String unreachable(ServiceUnreachable failure, Model model, ServerWebExchange exchange) {
        log.warn("{}", failure.getMessage());
        exchange.getResponse().setStatusCode(HttpStatus.BAD_GATEWAY);
        model.addAttribute("message", "A part of the hub is not answering right now. Try again in a minute.");
        return "error";
    }

    @ExceptionHandler(ServiceAnswered.class)
    String refused(ServiceAnswered refused, Model model, ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.valueOf(refused.status()));
        model.addAttribute("message", refused.status() == 404 ? "There is nothing here: it may have been removed." : refused.detail());
        return "error";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception failure, Model model, ServerWebExchange exchange) {
        log.error("Page failed ({})", failure.getClass().getName(), failure);
        exchange.getResponse().setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
        model.addAttribute("message", "Something went wrong on our side; it was logged. Try again, or go back.");
        return "error";
    }
}
