package org.integrationhub.sandbox.atlassian;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.integrationhub.sandbox.data.IssueStore;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.integrationhub.sandbox.data.SandboxIssues;
import org.springframework.stereotype.Component;

/** Finds a live Jira issue by id ("10001") or key ("PROJ-1") without scanning the generated ones. */
@Component
class JiraIssues {

    private final IssueStore store;
    private final AtlassianApp app;

    JiraIssues(IssueStore store, AtlassianApp app) {
        this.store = store;
        this.app = app;
    }

    Optional<SandboxIssue> find(String idOrKey) {
        if (idOrKey == null || idOrKey.isBlank()) {
            return Optional.empty();
        }
        if (idOrKey.chars().allMatch(Character::isDigit)) {
            try {
                return store.find(SandboxIssues.Kind.JIRA, Long.parseLong(idOrKey));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        int dash = idOrKey.lastIndexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        String project = idOrKey.substring(0, dash).toUpperCase(Locale.ROOT);
        String key = project + idOrKey.substring(dash);
        List<String> projects = app.projects();
        int projectIndex = projects.indexOf(project);
        int number;
        try {
            number = Integer.parseInt(idOrKey.substring(dash + 1));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        if (projectIndex < 0 || number < 1) {
            return Optional.empty();
        }
        long generatedIndex = (long) (number - 1) * projects.size() + projectIndex;
        if (generatedIndex < app.settings().issueCount()) {
            return store.find(SandboxIssues.Kind.JIRA, 10_000L + generatedIndex).filter(issue -> issue.key().equals(key));
        }
        return store.findByKey(SandboxIssues.Kind.JIRA, key);
    }
}
