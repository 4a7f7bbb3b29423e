package org.integrationhub.sandbox.data;

/**
 * A person with accounts at the providers: an Atlassian accountId, a GitHub login and id, a Slack
 * user id. {@code email} is null for people whose privacy settings hide it (as Jira often does).
 */
public record SandboxPerson(String accountId, String displayName, String email, String githubLogin, long githubId, String slackUserId) {
}
