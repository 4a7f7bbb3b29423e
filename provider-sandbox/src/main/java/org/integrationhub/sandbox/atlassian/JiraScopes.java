package org.integrationhub.sandbox.atlassian;

import java.util.Set;

/** The OAuth scopes (classic, or their granular equivalents) each API needs. */
final class JiraScopes {

    static final Set<String> READ_WORK = Set.of("read:jira-work", "read:issue:jira", "read:issue-details:jira");
    static final Set<String> READ_USER = Set.of("read:jira-user", "read:user:jira");
    static final Set<String> MANAGE_WEBHOOKS = Set.of("manage:jira-webhook", "read:webhook:jira", "write:webhook:jira");
    static final Set<String> READ_PAGES = Set.of("read:page:confluence", "read:confluence-content.all",
            "read:confluence-content.summary");

    private JiraScopes() {
    }
}
