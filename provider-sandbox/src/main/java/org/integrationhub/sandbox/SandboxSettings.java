package org.integrationhub.sandbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** What the sandbox pretends to be: the OAuth apps it knows, the data it serves, and how tokens behave. */
@ConfigurationProperties("sandbox")
public record SandboxSettings(long seed, Duration refreshReuseInterval, Atlassian atlassian, GitHub github, Slack slack) {

    /** One Atlassian OAuth app, the Jira sites its grants cover, and the API token of the site admin. */
    public record Atlassian(String clientId, String clientSecret, List<String> redirectUris, Duration accessTokenLifetime,
            List<Site> sites, List<String> projects, int issueCount, String apiTokenEmail, String apiToken) {
    }

    public record Site(String cloudId, String name) {
    }

    /** One GitHub OAuth app; with {@code expiringTokens} it behaves like a GitHub App's user tokens. */
    public record GitHub(String clientId, String clientSecret, List<String> redirectUris, boolean expiringTokens,
            Duration accessTokenLifetime, List<String> repos, int issueCount) {
    }

    public record Slack(String clientId, String clientSecret, String signingSecret, List<String> redirectUris,
            boolean tokenRotation, Duration accessTokenLifetime, String teamId, String teamName) {
    }
}
