package org.integrationhub.sandbox.data;

import java.time.Instant;
import java.util.List;

/**
 * One work item as the sandbox stores it, provider-neutral. For Jira, {@code container} is the
 * project key and {@code key} is "PROJ-12"; for GitHub, {@code container} is "owner/repo", {@code key}
 * is "owner/repo#12", and {@code pullRequest} marks pull requests (GitHub lists them as issues).
 * {@code version} grows with every change.
 */
public record SandboxIssue(SandboxIssues.Kind kind, long id, String container, int number, String key, String title,
        String description, String status, String statusCategory, SandboxPerson assignee, SandboxPerson reporter,
        List<String> labels, String priority, String issueType, boolean pullRequest, Instant created, Instant updated,
        boolean deleted, long version) {

    public SandboxIssue {
        labels = List.copyOf(labels);
    }

    public boolean open() {
        return !"done".equals(statusCategory);
    }
}
