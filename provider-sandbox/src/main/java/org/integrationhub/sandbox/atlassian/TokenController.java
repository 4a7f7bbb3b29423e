package org.integrationhub.sandbox.atlassian;

import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code https://auth.atlassian.com/oauth/token}: JSON as Atlassian documents it, form-encoded as RFC 6749 allows. */
@RestController
class TokenController {

    static final String PATH = "/atlassian/auth/oauth/token";

    private final TokenExchange tokens;

    TokenController(TokenExchange tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> json(@RequestBody Map<String, Object> body) {
        Map<String, String> params = new HashMap<>();
        body.forEach((key, value) -> params.put(key, value == null ? null : String.valueOf(value)));
        return tokens.exchange(params);
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> form(ServerWebExchange exchange) {
        return exchange.getFormData().map(MultiValueMap::toSingleValueMap).map(tokens::exchange);
    }
}
