package org.integrationhub.sandbox.atlassian;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code https://auth.atlassian.com/authorize} and the consent form behind it. */
@RestController
class AuthorizeController {

    private final ConsentFlow flow;

    AuthorizeController(ConsentFlow flow) {
        this.flow = flow;
    }

    @GetMapping("/atlassian/auth/authorize")
    ResponseEntity<String> authorize(@RequestParam Map<String, String> params) {
        return flow.authorize(params);
    }

    @PostMapping(path = AtlassianConsentScreen.DECISION_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<String>> decide(ServerWebExchange exchange) {
        return exchange.getFormData().map(MultiValueMap::toSingleValueMap).map(flow::decide);
    }
}
