package org.integrationhub.sandbox.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.integrationhub.sandbox.SandboxSettings;
import org.integrationhub.sandbox.data.IssueStore;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.integrationhub.sandbox.oauth.RegisteredApp;
import org.springframework.stereotype.Component;

/**
 * The Slack app the sandbox knows, installed in one workspace ({@code teamId}, {@code teamName},
 * {@code https://<team-name-slug>.slack.com/}), with its bot user. With {@code tokenRotation},
 * access tokens expire (12 h) and come with rotating {@code xoxe-1-} refresh tokens; without,
 * they never expire and have no refresh token.
 */
@Component
class SlackApp implements RegisteredApp {

    static final String APP_ID = "A0SANDBOX01";
    static final String BOT_USER_ID = "U0SANDBOT01";
    static final String BOT_ID = "B0SANDBOT01";
    static final String BOT_NAME = "sandbox-bot";
    /** The legacy verification token Slack still puts into every Events API body. */
    static final String VERIFICATION_TOKEN = "sandboxVerificationToken0";

    private static final Duration NEVER = Duration.ofDays(36_500);

    private final SandboxSettings.Slack settings;
    private final IssueStore issues;

    SlackApp(SandboxSettings settings, IssueStore issues) {
        this.settings = settings.slack();
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

    boolean secretMatches(String clientSecret) {
        return clientSecret != null && MessageDigest.isEqual(settings.clientSecret().getBytes(StandardCharsets.UTF_8),
                clientSecret.getBytes(StandardCharsets.UTF_8));
    }

    boolean tokenRotation() {
        return settings.tokenRotation();
    }

    Duration accessTokenLifetime() {
        return settings.tokenRotation() ? settings.accessTokenLifetime() : NEVER;
    }

    String signingSecret() {
        return settings.signingSecret();
    }

    String teamId() {
        return settings.teamId();
    }

    String teamName() {
        return settings.teamName();
    }

    /** {@code https://acme-sandbox.slack.com/} for "Acme Sandbox". */
    String workspaceUrl() {
        String slug = settings.teamName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "https://" + slug + ".slack.com/";
    }

    @Override
    public List<SandboxPerson> people() {
        return issues.people();
    }

    @Override
    public Optional<SandboxPerson> person(String slackUserId) {
        return slackUserId == null ? Optional.empty()
                : issues.people().stream().filter(p -> p.slackUserId().equals(slackUserId)).findFirst();
    }

    /** Slack's user name of a person: {@code mia.krystof}. */
    static String username(SandboxPerson person) {
        return person.displayName().toLowerCase(Locale.ROOT).replace(' ', '.');
    }
}
