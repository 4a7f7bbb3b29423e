package org.integrationhub.sandbox.github;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.integrationhub.sandbox.SandboxSettings;
import org.integrationhub.sandbox.data.IssueStore;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.integrationhub.sandbox.oauth.RegisteredApp;
import org.springframework.stereotype.Component;

/**
 * The GitHub OAuth app the sandbox knows, its repositories and its people. With
 * {@code expiringTokens} it plays a GitHub App's user tokens (8 h, rotating refresh tokens);
 * without, a classic OAuth app's (no expiry, no refresh token).
 */
@Component
class GitHubApp implements RegisteredApp {

    /** GitHub App user tokens: refresh tokens live about six months. */
    static final long REFRESH_TOKEN_LIFETIME_SECONDS = 15_897_600L;

    /** A classic OAuth app token "does not expire": a century is as good as never here. */
    private static final Duration NEVER = Duration.ofDays(36_500);

    private final SandboxSettings.GitHub settings;
    private final IssueStore issues;

    GitHubApp(SandboxSettings settings, IssueStore issues) {
        this.settings = settings.github();
        this.issues = issues;
    }

    @Override
    public String clientId() {
        return settings.clientId();
    }

    @Override
    public List<String> redirectUris() {
        return settings.redirectUris();
    }

    boolean authenticates(String clientId, String clientSecret) {
        return knowsClient(clientId) && clientSecret != null && MessageDigest.isEqual(
                settings.clientSecret().getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8));
    }

    boolean expiringTokens() {
        return settings.expiringTokens();
    }

    Duration accessTokenLifetime() {
        return settings.expiringTokens() ? settings.accessTokenLifetime() : NEVER;
    }

    List<String> repos() {
        return settings.repos();
    }

    /** The configured spelling of a repository; GitHub matches owner and name case-insensitively. */
    Optional<String> repo(String owner, String name) {
        String wanted = owner + "/" + name;
        return settings.repos().stream().filter(repo -> repo.equalsIgnoreCase(wanted)).findFirst();
    }

    int repoIndex(String repo) {
        return settings.repos().indexOf(repo);
    }

    @Override
    public List<SandboxPerson> people() {
        return issues.people();
    }

    @Override
    public Optional<SandboxPerson> person(String login) {
        return login == null ? Optional.empty()
                : issues.people().stream().filter(p -> p.githubLogin().equalsIgnoreCase(login)).findFirst();
    }
}
