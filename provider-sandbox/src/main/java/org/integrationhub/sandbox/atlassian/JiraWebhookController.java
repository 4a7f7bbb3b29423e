package org.integrationhub.sandbox.atlassian;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Jira's dynamic webhooks ({@code /rest/api/3/webhook}): for OAuth apps only, as at Atlassian. */
@RestController
@RequestMapping({JiraController.OAUTH_BASE, JiraController.SITE_BASE})
class JiraWebhookController {

    private final AtlassianCallers callers;
    private final DynamicWebhooks webhooks;

    JiraWebhookController(AtlassianCallers callers, DynamicWebhooks webhooks) {
        this.callers = callers;
        this.webhooks = webhooks;
    }

    @PostMapping("/webhook")
    Map<String, Object> register(@RequestBody Map<String, Object> body, ServerWebExchange exchange) {
        return webhooks.register(callers.jira(exchange), body);
    }

    @GetMapping("/webhook")
    Map<String, Object> list(@RequestParam(defaultValue = "0") int startAt, @RequestParam(defaultValue = "100") int maxResults,
            ServerWebExchange exchange) {
        return webhooks.list(callers.jira(exchange), startAt, maxResults);
    }

    @PutMapping("/webhook/refresh")
    Map<String, Object> refresh(@RequestBody Map<String, Object> body, ServerWebExchange exchange) {
        return webhooks.refresh(callers.jira(exchange), body);
    }

    @DeleteMapping("/webhook")
    ResponseEntity<Void> delete(@RequestBody Map<String, Object> body, ServerWebExchange exchange) {
        webhooks.delete(callers.jira(exchange), body);
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    @GetMapping("/webhook/failed")
    Map<String, Object> failed(@RequestParam(defaultValue = "100") int maxResults, @RequestParam(required = false) Long after,
            ServerWebExchange exchange) {
        return webhooks.failed(callers.jira(exchange), maxResults, after);
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
