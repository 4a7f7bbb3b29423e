package org.integrationhub.connector.oauth;

/**
 * Who and what a grant connects: {@code key} identifies the grant's target at the provider (the
 * Atlassian cloud id, the GitHub user id, the Slack team id) so a new authorisation of the same
 * target updates its connection; {@code baseUrl} is where the API is called with the access token.
 */
public record ExternalIdentity(String key, String displayName, String baseUrl, String siteUrl, String accountId,
        String accountEmail, String accountName) {
}
