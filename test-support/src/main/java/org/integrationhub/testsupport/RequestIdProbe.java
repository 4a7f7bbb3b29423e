package org.integrationhub.testsupport;

import java.time.Duration;
import java.util.Map;
import org.integrationhub.support.web.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A probe a test imports into a real service to see the request id at work: {@code GET
 * /api/_request-id} logs a line after a hop to another thread, then calls the service's own
 * {@code GET /api/_request-id/seen} through the service's WebClient builder, which answers the
 * {@code X-Request-Id} it received; the probe answers that.
 */
@TestComponent
@RestController
public class RequestIdProbe {

    private static final Logger log = LoggerFactory.getLogger(RequestIdProbe.class);

    private final WebClient http;
    private final Environment environment;

    public RequestIdProbe(WebClient.Builder http, Environment environment) {
        this.http = http.build();
        this.environment = environment;
    }

    @GetMapping("/api/_request-id")
    public Mono<ApiResponse<Map<String, Object>>> probe(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        return Mono.delay(Duration.ofMillis(5))
                .doOnNext(tick -> log.info("request id probe after a thread hop"))
                .then(http.get().uri("http://localhost:" + environment.getProperty("local.server.port") + "/api/_request-id/seen")
                        .header(HttpHeaders.AUTHORIZATION, authorization)
                        .retrieve().bodyToMono(Map.class))
                .map(seen -> ApiResponse.of(Map.of("forwarded", String.valueOf(((Map<?, ?>) seen.get("data")).get("requestId")))));
    }

    @GetMapping("/api/_request-id/seen")
    public ApiResponse<Map<String, Object>> seen(@RequestHeader(name = "X-Request-Id", required = false) String requestId) {
        return ApiResponse.of(Map.of("requestId", String.valueOf(requestId)));
    }
}
