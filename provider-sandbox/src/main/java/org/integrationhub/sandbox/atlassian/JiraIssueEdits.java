package org.integrationhub.sandbox.atlassian;

import java.util.Map;
import java.util.Optional;
import org.integrationhub.sandbox.data.IssueStore;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.integrationhub.sandbox.data.SandboxIssues;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Test-driven changes to Jira issues, through the store so that webhooks fire. */
@Component
class JiraIssueEdits {

    static final Map<String, String> STATUS_CATEGORIES = Map.of("To Do", "new", "In Progress", "indeterminate", "In Review",
            "indeterminate", "Done", "done");

    private final IssueStore store;
    private final JiraIssues issues;
    private final AtlassianApp app;

    JiraIssueEdits(IssueStore store, JiraIssues issues, AtlassianApp app) {
        this.store = store;
        this.issues = issues;
        this.app = app;
    }

    SandboxIssue create(String project, String summary, String assigneeAccountId) {
        String key = app.projects().stream().filter(p -> p.equalsIgnoreCase(project == null ? "" : project)).findFirst()
                .orElseThrow(() -> badRequest("project must be one of " + app.projects()));
        if (summary == null || summary.isBlank()) {
            throw badRequest("summary is required");
        }
        return store.create(SandboxIssues.Kind.JIRA, key, summary, assignee(assigneeAccountId).orElse(null));
    }

    /** {@code null} leaves a field as it is; an empty {@code assigneeAccountId} unassigns. */
    SandboxIssue update(String idOrKey, String summary, String status, String assigneeAccountId) {
        SandboxIssue current = issues.find(idOrKey).orElseThrow(JiraIssueEdits::notFound);
        if (status != null && !STATUS_CATEGORIES.containsKey(status)) {
            throw badRequest("status must be one of " + STATUS_CATEGORIES.keySet());
        }
        if (summary != null && summary.isBlank()) {
            throw badRequest("summary must not be blank");
        }
        SandboxPerson assignee = assigneeAccountId == null ? current.assignee() : assignee(assigneeAccountId).orElse(null);
        return store.update(SandboxIssues.Kind.JIRA, current.id(), before -> new SandboxIssue(before.kind(), before.id(),
                before.container(), before.number(), before.key(), summary == null ? before.title() : summary, before.description(),
                status == null ? before.status() : status, status == null ? before.statusCategory() : STATUS_CATEGORIES.get(status),
                assignee, before.reporter(), before.labels(), before.priority(), before.issueType(), before.pullRequest(),
                before.created(), before.updated(), before.deleted(), before.version()))
                .orElseThrow(JiraIssueEdits::notFound);
    }

    void delete(String idOrKey) {
        SandboxIssue current = issues.find(idOrKey).orElseThrow(JiraIssueEdits::notFound);
        store.delete(SandboxIssues.Kind.JIRA, current.id()).orElseThrow(JiraIssueEdits::notFound);
    }

    private Optional<SandboxPerson> assignee(String accountId) {
        if (accountId == null || accountId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(app.person(accountId).orElseThrow(() -> badRequest("no sandbox person has accountId " + accountId)));
    }

    private static AtlassianException badRequest(String message) {
        return AtlassianException.jira(HttpStatus.BAD_REQUEST, message);
    }

    private static AtlassianException notFound() {
        return AtlassianException.jira(HttpStatus.NOT_FOUND, JiraController.NO_ISSUE);
    }
}
