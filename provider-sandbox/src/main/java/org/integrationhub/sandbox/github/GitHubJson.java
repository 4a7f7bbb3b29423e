package org.integrationhub.sandbox.github;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.integrationhub.sandbox.data.SandboxPerson;

/**
 * GitHub's REST representations of the sandbox's issues, people and repositories. URLs are
 * absolute, under the base the caller reached (api.github.com is {@code <base>/github/api},
 * github.com is {@code <base>/github/web}). Timestamps have second precision
 * ({@code 2026-11-22T10:15:30Z}); an issue's {@code closed_at} is its last update (the store keeps
 * no separate close time). Node ids use GitHub's documented legacy format (base64 of
 * {@code 04:User<id>}, {@code 05:Issue<id>}...).
 */
final class GitHubJson {

    private static final Map<String, String> LABEL_COLORS = Map.of("frontend", "1d76db", "backend", "0e8a16", "customer", "fbca04",
            "tech-debt", "c5def5", "security", "b60205");

    private GitHubJson() {
    }

    /** Where the sandbox's GitHub hosts are, seen from one caller. */
    record Urls(String api, String web) {

        static Urls of(String base) {
            return new Urls(base + "/github/api", base + "/github/web");
        }

        static Urls of(URI requestUri) {
            return of(requestUri.getScheme() + "://" + requestUri.getRawAuthority());
        }
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static String nodeId(String type, long id) {
        String prefix = switch (type) {
            case "User" -> "04:User";
            case "Organization" -> "04:Organization";
            case "Issue" -> "05:Issue";
            case "PullRequest" -> "011:PullRequest";
            case "Repository" -> "010:Repository";
            case "Label" -> "05:Label";
            default -> "0:" + type;
        };
        return Base64.getEncoder().encodeToString((prefix + id).getBytes(StandardCharsets.US_ASCII));
    }

    static Map<String, Object> user(SandboxPerson person, Urls urls) {
        return account(person.githubLogin(), person.githubId(), "User", urls);
    }

    static Map<String, Object> account(String login, long id, String type, Urls urls) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("login", login);
        user.put("id", id);
        user.put("node_id", nodeId(type, id));
        user.put("avatar_url", urls.web() + "/avatars/u/" + id);
        user.put("gravatar_id", "");
        user.put("url", urls.api() + (type.equals("User") ? "/users/" : "/orgs/") + login);
        user.put("html_url", urls.web() + "/" + login);
        user.put("type", type);
        user.put("site_admin", false);
        return user;
    }

    /** {@code GET /user}: the account plus profile fields; {@code email} is null when the person keeps it private. */
    static Map<String, Object> authenticatedUser(SandboxPerson person, Urls urls) {
        Map<String, Object> user = user(person, urls);
        user.put("name", person.displayName());
        user.put("company", null);
        user.put("blog", "");
        user.put("location", null);
        user.put("email", person.email());
        user.put("hireable", null);
        user.put("bio", null);
        user.put("public_repos", 0);
        user.put("followers", 0);
        user.put("following", 0);
        user.put("created_at", "2020-01-01T00:00:00Z");
        user.put("updated_at", "2026-01-01T00:00:00Z");
        return user;
    }

    static long repositoryId(int repoIndex) {
        return 700_000_000L + repoIndex;
    }

    static long ownerId(String owner) {
        return 90_000_000L + Math.floorMod(owner.hashCode(), 1_000_000);
    }

    static Map<String, Object> repository(String fullName, int repoIndex, Urls urls) {
        String owner = fullName.substring(0, fullName.indexOf('/'));
        long id = repositoryId(repoIndex);
        Map<String, Object> repo = new LinkedHashMap<>();
        repo.put("id", id);
        repo.put("node_id", nodeId("Repository", id));
        repo.put("name", fullName.substring(fullName.indexOf('/') + 1));
        repo.put("full_name", fullName);
        repo.put("private", false);
        repo.put("owner", account(owner, ownerId(owner), "Organization", urls));
        repo.put("html_url", urls.web() + "/" + fullName);
        repo.put("description", null);
        repo.put("fork", false);
        repo.put("url", urls.api() + "/repos/" + fullName);
        repo.put("default_branch", "main");
        repo.put("visibility", "public");
        return repo;
    }

    static Map<String, Object> label(String name, String repo, Urls urls) {
        long id = 4_000_000_000L + Math.floorMod(name.hashCode(), 1_000_000_000);
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("id", id);
        label.put("node_id", nodeId("Label", id));
        label.put("url", urls.api() + "/repos/" + repo + "/labels/" + name);
        label.put("name", name);
        label.put("color", LABEL_COLORS.getOrDefault(name, "ededed"));
        label.put("default", false);
        label.put("description", null);
        return label;
    }

    static Map<String, Object> issue(SandboxIssue issue, Urls urls) {
        String repo = issue.container();
        String apiRepo = urls.api() + "/repos/" + repo;
        String self = apiRepo + "/issues/" + issue.number();
        boolean closed = !issue.open();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", self);
        json.put("repository_url", apiRepo);
        json.put("labels_url", self + "/labels{/name}");
        json.put("comments_url", self + "/comments");
        json.put("events_url", self + "/events");
        json.put("html_url", urls.web() + "/" + repo + (issue.pullRequest() ? "/pull/" : "/issues/") + issue.number());
        json.put("id", issue.id());
        json.put("node_id", nodeId(issue.pullRequest() ? "PullRequest" : "Issue", issue.id()));
        json.put("number", issue.number());
        json.put("title", issue.title());
        json.put("user", issue.reporter() == null ? null : user(issue.reporter(), urls));
        List<Map<String, Object>> labels = new ArrayList<>();
        for (String name : issue.labels()) {
            labels.add(label(name, repo, urls));
        }
        json.put("labels", labels);
        json.put("state", closed ? "closed" : "open");
        json.put("locked", false);
        json.put("assignee", issue.assignee() == null ? null : user(issue.assignee(), urls));
        json.put("assignees", issue.assignee() == null ? List.of() : List.of(user(issue.assignee(), urls)));
        json.put("milestone", null);
        json.put("comments", 0);
        json.put("created_at", timestamp(issue.created()));
        json.put("updated_at", timestamp(issue.updated()));
        json.put("closed_at", closed ? timestamp(issue.updated()) : null);
        json.put("author_association", "MEMBER");
        json.put("active_lock_reason", null);
        if (issue.pullRequest()) {
            json.put("draft", false);
            Map<String, Object> pull = new LinkedHashMap<>();
            String web = urls.web() + "/" + repo + "/pull/" + issue.number();
            pull.put("url", apiRepo + "/pulls/" + issue.number());
            pull.put("html_url", web);
            pull.put("diff_url", web + ".diff");
            pull.put("patch_url", web + ".patch");
            pull.put("merged_at", closed ? timestamp(issue.updated()) : null);
            json.put("pull_request", pull);
        }
        json.put("body", issue.description());
        json.put("state_reason", closed && !issue.pullRequest() ? "completed" : null);
        return json;
    }
}
