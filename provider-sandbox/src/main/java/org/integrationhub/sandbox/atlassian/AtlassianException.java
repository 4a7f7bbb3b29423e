package org.integrationhub.sandbox.atlassian;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An error answer in the shape of the Atlassian surface that gives it (Jira, the API gateway, Confluence). */
final class AtlassianException extends RuntimeException {

    private final HttpStatus status;
    private final transient Map<String, Object> body;

    private AtlassianException(HttpStatus status, Map<String, Object> body, String message) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
    }

    /** Jira's {@code {"errorMessages": [...], "errors": {}}}. */
    static AtlassianException jira(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorMessages", List.of(message));
        body.put("errors", Map.of());
        return new AtlassianException(status, body, message);
    }

    /** api.atlassian.com's own {@code {"code": 401, "message": ...}} (for example a token without the needed scope). */
    static AtlassianException gateway(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status.value());
        body.put("message", message);
        return new AtlassianException(status, body, message);
    }

    /** Confluence v2's {@code {"errors": [{status, code, title, detail}]}}. */
    static AtlassianException confluence(HttpStatus status, String code, String title) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status.value());
        error.put("code", code);
        error.put("title", title);
        error.put("detail", null);
        return new AtlassianException(status, Map.of("errors", List.of(error)), title);
    }

    HttpStatus status() {
        return status;
    }

    Map<String, Object> body() {
        return body;
    }
}
