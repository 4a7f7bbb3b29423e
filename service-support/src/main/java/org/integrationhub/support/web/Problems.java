package org.integrationhub.support.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/** Builds RFC 9457 problem details with the hub's stable {@code code} property. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://integration-hub.dev/problems/" + code.replace('_', '-')));
        problem.setProperty("code", code);
        return problem;
    }

    /**
     * Writes a problem straight to the response, for places outside a controller (security entry
     * points, web filters). Only the fixed fields are written, so no caller data is echoed.
     */
    public static Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, String code, String detail) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(PROBLEM_JSON);
        String json = "{\"type\":\"https://integration-hub.dev/problems/" + code.replace('_', '-') + "\",\"title\":\""
                + titleOf(status) + "\",\"status\":" + status.value() + ",\"detail\":\"" + escape(detail)
                + "\",\"code\":\"" + code + "\"}";
        DataBuffer body = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.writeWith(Mono.just(body));
    }

    private static String titleOf(HttpStatusCode status) {
        return status instanceof org.springframework.http.HttpStatus known ? known.getReasonPhrase() : "Error";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
