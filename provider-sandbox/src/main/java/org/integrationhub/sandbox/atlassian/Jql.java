package org.integrationhub.sandbox.atlassian;

import java.time.Instant;
import java.util.Set;
import org.integrationhub.sandbox.data.SandboxIssue;

/**
 * A parsed query of the JQL subset the sandbox understands: projects (null: any), a half-open
 * range of update times {@code [updatedFrom, updatedBefore)} (nulls: unbounded), and the order.
 * {@code text} is the query as sent, whitespace-normalised (page tokens are bound to it).
 */
record Jql(String text, Set<String> projects, Instant updatedFrom, Instant updatedBefore, boolean descending) {

    boolean matches(SandboxIssue issue) {
        return projectMatches(issue.container())
                && (updatedFrom == null || !issue.updated().isBefore(updatedFrom))
                && (updatedBefore == null || issue.updated().isBefore(updatedBefore));
    }

    boolean projectMatches(String project) {
        return projects == null || projects.contains(project);
    }
}
