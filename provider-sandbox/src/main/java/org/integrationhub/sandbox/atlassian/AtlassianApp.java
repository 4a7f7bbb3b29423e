package org.integrationhub.sandbox.atlassian;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.integrationhub.sandbox.SandboxSettings;
import org.integrationhub.sandbox.data.IssueStore;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.springframework.stereotype.Component;

/**
 * The one Atlassian OAuth app the sandbox knows, the sites its grants cover, and the people who
 * can sign in: the generated people (through OAuth) and the site admin (through the API token).
 */
@Component
class AtlassianApp {

    static final String APP_NAME = "Integration Hub";
    static final String AUDIENCE = "api.atlassian.com";
    static final String OFFLINE_ACCESS = "offline_access";

    private final SandboxSettings settings;
    private final IssueStore store;
    private final SandboxPerson admin;

    AtlassianApp(SandboxSettings settings, IssueStore store) {
        this.settings = settings;
        this.store = store;
        String email = settings.atlassian().apiTokenEmail();
        this.admin = new SandboxPerson("712020:" + UUID.nameUUIDFromBytes(("admin:" + email).getBytes(StandardCharsets.UTF_8)),
                "Site Admin", email, "site-admin", 0L, "U00000000");
    }

    SandboxSettings.Atlassian settings() {
        return settings.atlassian();
    }

    String clientId() {
        return settings.atlassian().clientId();
    }

    String clientSecret() {
        return settings.atlassian().clientSecret();
    }

    Duration accessTokenLifetime() {
        return settings.atlassian().accessTokenLifetime();
    }

    Duration refreshReuseInterval() {
        return settings.refreshReuseInterval();
    }

    boolean knowsClient(String clientId) {
        return clientId().equals(clientId);
    }

    boolean clientAuthenticates(String clientId, String clientSecret) {
        return knowsClient(clientId) && clientSecret != null && MessageDigest.isEqual(
                clientSecret().getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8));
    }

    /** Exact string comparison, as Atlassian does: no prefix, case or trailing-slash leniency. */
    boolean registeredRedirect(String redirectUri) {
        return redirectUri != null && settings.atlassian().redirectUris().contains(redirectUri);
    }

    List<SandboxSettings.Site> sites() {
        return settings.atlassian().sites();
    }

    Optional<SandboxSettings.Site> siteByCloudId(String cloudId) {
        return sites().stream().filter(site -> site.cloudId().equals(cloudId)).findFirst();
    }

    Optional<SandboxSettings.Site> siteByName(String name) {
        return sites().stream().filter(site -> site.name().equalsIgnoreCase(name)).findFirst();
    }

    List<String> projects() {
        return settings.atlassian().projects();
    }

    /** The site admin, whose email and API token open the site URL with HTTP Basic. */
    SandboxPerson admin() {
        return admin;
    }

    List<SandboxPerson> people() {
        return store.people();
    }

    Optional<SandboxPerson> person(String accountId) {
        return Stream.concat(Stream.of(admin), store.people().stream()).filter(p -> p.accountId().equals(accountId)).findFirst();
    }

    boolean apiTokenMatches(String email, String token) {
        SandboxSettings.Atlassian atlassian = settings.atlassian();
        return email != null && token != null && atlassian.apiTokenEmail().equalsIgnoreCase(email)
                && MessageDigest.isEqual(atlassian.apiToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> scopes(String scope) {
        return scope == null || scope.isBlank() ? List.of() : Arrays.stream(scope.trim().split("\\s+")).toList();
    }
}
