package org.integrationhub.sandbox.atlassian;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /sandbox/atlassian/**}: knobs for tests. Issues change through the store (so webhooks
 * fire) and come back as the site URL's Jira JSON; admin webhooks (the ones a Jira admin creates
 * in the UI, with a secret) are registered here.
 */
@RestController
@RequestMapping("/sandbox/atlassian")
class AtlassianControlController {

    record NewIssue(String project, String summary, String assigneeAccountId) {
    }

    record IssueChange(String summary, String status, String assigneeAccountId) {
    }

    record NewWebhook(String url, String secret, List<String> events, String jqlFilter) {
    }

    private final JiraIssueEdits edits;
    private final JiraIssueJson json;
    private final JiraWebhookRegistry webhooks;
    private final AtlassianApp app;

    AtlassianControlController(JiraIssueEdits edits, JiraIssueJson json, JiraWebhookRegistry webhooks, AtlassianApp app) {
        this.edits = edits;
        this.json = json;
        this.webhooks = webhooks;
        this.app = app;
    }

    @PostMapping("/issues")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createIssue(@RequestBody NewIssue request, ServerWebExchange exchange) {
        return issueJson(edits.create(request.project(), request.summary(), request.assigneeAccountId()), exchange);
    }

    @PutMapping("/issues/{idOrKey}")
    Map<String, Object> updateIssue(@PathVariable String idOrKey, @RequestBody IssueChange request, ServerWebExchange exchange) {
        return issueJson(edits.update(idOrKey, request.summary(), request.status(), request.assigneeAccountId()), exchange);
    }

    @DeleteMapping("/issues/{idOrKey}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteIssue(@PathVariable String idOrKey) {
        edits.delete(idOrKey);
    }

    /** An admin webhook: every issue event unless {@code events} says otherwise, optionally filtered by JQL. */
    @PostMapping("/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> registerWebhook(@RequestBody NewWebhook request) {
        if (request.url() == null || request.url().isBlank()) {
            throw AtlassianException.jira(HttpStatus.BAD_REQUEST, "url is required");
        }
        List<String> events = request.events() == null || request.events().isEmpty() ? JiraWebhookRegistry.ISSUE_EVENTS : request.events();
        return Map.of("id", webhooks.registerAdmin(request.url(), request.secret(), events, request.jqlFilter()).targetId());
    }

    @DeleteMapping("/webhooks/{id}")
    ResponseEntity<Void> deleteWebhook(@PathVariable String id) {
        return webhooks.deleteAdmin(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /** Forgets every Atlassian webhook, admin and dynamic (for a test's clean-up). */
    @DeleteMapping("/webhooks")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAllWebhooks() {
        webhooks.clear();
    }

    private Map<String, Object> issueJson(SandboxIssue issue, ServerWebExchange exchange) {
        String site = AtlassianCallers.siteBase(AtlassianCallers.origin(exchange.getRequest().getURI()), app.sites().get(0));
        return new LinkedHashMap<>(json.issue(issue, JiraFields.all(), site + "/rest/api/3"));
    }
}
