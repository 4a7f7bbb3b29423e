package org.integrationhub.sandbox.atlassian;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/** Turns errors of this package's controllers into Atlassian-shaped answers. */
@RestControllerAdvice(basePackageClasses = AtlassianErrors.class)
class AtlassianErrors {

    @ExceptionHandler(AtlassianException.class)
    ResponseEntity<Map<String, Object>> atlassian(AtlassianException error) {
        return ResponseEntity.status(error.status()).body(error.body());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Map<String, Object>> badInput(ServerWebInputException error, ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/atlassian/auth/")) {
            return TokenExchange.error(HttpStatus.BAD_REQUEST, "invalid_request", "The request body could not be read");
        }
        AtlassianException jira = AtlassianException.jira(HttpStatus.BAD_REQUEST, "The request body or parameters could not be read: "
                + error.getReason());
        return ResponseEntity.status(jira.status()).body(jira.body());
    }
}
