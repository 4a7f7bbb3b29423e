package org.integrationhub.sandbox.github;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.integrationhub.sandbox.data.IssueStore;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.integrationhub.sandbox.data.SandboxIssues;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /sandbox/github/**}: test knobs. Webhook hooks ({@code POST /sandbox/github/webhooks}
 * {@code {url, secret, repo?, contentType?: json|form}} → {@code {id, targetId}}, pinged at once;
 * {@code DELETE /sandbox/github/webhooks/{id}}), the delivery log and manual redelivery, and issue
 * changes through the store, so that webhooks fire ({@code POST .../repos/{owner}/{repo}/issues}
 * {@code {title, assigneeLogin?}}; {@code PATCH .../issues/{id}} {@code {title?, body?, state?,
 * assigneeLogin? ("" unassigns), labels?}}; {@code DELETE .../issues/{id}}). Issues are answered in
 * the REST API's representation.
 */
@RestController
class GitHubControlController {

    private final GitHubApp app;
    private final GitHubWebhooks webhooks;
    private final IssueStore issues;

    GitHubControlController(GitHubApp app, GitHubWebhooks webhooks, IssueStore issues) {
        this.app = app;
        this.webhooks = webhooks;
        this.issues = issues;
    }

    record HookRequest(String url, String secret, String repo, String contentType) {
    }

    @PostMapping("/sandbox/github/webhooks")
    ResponseEntity<Object> register(@RequestBody HookRequest request) {
        if (request.url() == null || request.url().isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "url is required");
        }
        String contentType = request.contentType() == null || request.contentType().isBlank() ? "json" : request.contentType();
        if (!contentType.equals("json") && !contentType.equals("form")) {
            return problem(HttpStatus.BAD_REQUEST, "contentType must be json or form");
        }
        String repo = null;
        if (request.repo() != null && !request.repo().isBlank()) {
            String[] parts = request.repo().split("/", 2);
            Optional<String> known = parts.length == 2 ? app.repo(parts[0], parts[1]) : Optional.empty();
            if (known.isEmpty()) {
                return problem(HttpStatus.BAD_REQUEST, "Unknown repository " + request.repo());
            }
            repo = known.get();
        }
        GitHubWebhooks.Hook hook = webhooks.register(request.url(), request.secret(), repo, contentType);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", hook.id());
        body.put("targetId", hook.targetId());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @DeleteMapping("/sandbox/github/webhooks/{id}")
    ResponseEntity<Void> unregister(@PathVariable long id) {
        return webhooks.unregister(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @GetMapping("/sandbox/github/deliveries")
    List<Map<String, Object>> deliveries() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (GitHubWebhooks.Recorded recorded : webhooks.deliveries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", recorded.deliveryId());
            entry.put("hookId", recorded.hookId());
            entry.put("event", recorded.event());
            entry.put("action", recorded.action());
            entry.put("url", recorded.url());
            entry.put("deliveredAt", recorded.deliveredAt().toString());
            list.add(entry);
        }
        return list;
    }

    @PostMapping("/sandbox/github/deliveries/{deliveryId}/redeliver")
    ResponseEntity<Object> redeliver(@PathVariable String deliveryId) {
        return webhooks.redeliver(deliveryId)
                .<ResponseEntity<Object>>map(recorded -> ResponseEntity.accepted().body(Map.of("id", recorded.deliveryId())))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No delivery " + deliveryId));
    }

    @PostMapping("/sandbox/github/repos/{owner}/{repo}/issues")
    ResponseEntity<Object> create(@PathVariable String owner, @PathVariable String repo, @RequestBody Map<String, Object> request,
            ServerWebExchange exchange) {
        Optional<String> fullName = app.repo(owner, repo);
        if (fullName.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "Not Found");
        }
        Object title = request.get("title");
        if (!(title instanceof String text) || text.isBlank()) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "title is required");
        }
        SandboxPerson assignee = null;
        if (request.get("assigneeLogin") instanceof String login && !login.isEmpty()) {
            Optional<SandboxPerson> person = app.person(login);
            if (person.isEmpty()) {
                return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown assignee " + login);
            }
            assignee = person.get();
        }
        SandboxIssue created = issues.create(SandboxIssues.Kind.GITHUB, fullName.get(), text, assignee);
        return ResponseEntity.status(HttpStatus.CREATED).body(GitHubJson.issue(created, urls(exchange)));
    }

    @PatchMapping("/sandbox/github/issues/{id}")
    ResponseEntity<Object> update(@PathVariable long id, @RequestBody Map<String, Object> request, ServerWebExchange exchange) {
        Optional<SandboxIssue> current = issues.find(SandboxIssues.Kind.GITHUB, id);
        if (current.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "Not Found");
        }
        SandboxIssue issue = current.get();
        String title = request.get("title") instanceof String text ? text : issue.title();
        String body = request.containsKey("body") ? (request.get("body") == null ? null : String.valueOf(request.get("body")))
                : issue.description();
        boolean open = issue.open();
        if (request.get("state") != null) {
            String state = String.valueOf(request.get("state"));
            if (!state.equals("open") && !state.equals("closed")) {
                return problem(HttpStatus.UNPROCESSABLE_CONTENT, "state must be open or closed");
            }
            open = state.equals("open");
        }
        SandboxPerson assignee = issue.assignee();
        if (request.containsKey("assigneeLogin")) {
            Object login = request.get("assigneeLogin");
            if (login == null || String.valueOf(login).isEmpty()) {
                assignee = null;
            } else {
                Optional<SandboxPerson> person = app.person(String.valueOf(login));
                if (person.isEmpty()) {
                    return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown assignee " + login);
                }
                assignee = person.get();
            }
        }
        List<String> labels = issue.labels();
        if (request.get("labels") instanceof List<?> list) {
            labels = list.stream().map(String::valueOf).toList();
        }
        boolean finalOpen = open;
        SandboxPerson finalAssignee = assignee;
        List<String> finalLabels = labels;
        return issues.update(SandboxIssues.Kind.GITHUB, id, before -> with(before, title, body, finalOpen, finalAssignee, finalLabels))
                .<ResponseEntity<Object>>map(updated -> ResponseEntity.ok(GitHubJson.issue(updated, urls(exchange))))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "Not Found"));
    }

    @DeleteMapping("/sandbox/github/issues/{id}")
    ResponseEntity<Object> delete(@PathVariable long id) {
        return issues.delete(SandboxIssues.Kind.GITHUB, id).isPresent() ? ResponseEntity.noContent().build()
                : problem(HttpStatus.NOT_FOUND, "Not Found");
    }

    private static SandboxIssue with(SandboxIssue issue, String title, String body, boolean open, SandboxPerson assignee,
            List<String> labels) {
        return new SandboxIssue(issue.kind(), issue.id(), issue.container(), issue.number(), issue.key(), title, body,
                open ? "open" : "closed", open ? "new" : "done", assignee, issue.reporter(), labels, issue.priority(), issue.issueType(),
                issue.pullRequest(), issue.created(), issue.updated(), issue.deleted(), issue.version());
    }

    private static GitHubJson.Urls urls(ServerWebExchange exchange) {
        return GitHubJson.Urls.of(exchange.getRequest().getURI());
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
