package org.integrationhub.sandbox.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.integrationhub.sandbox.SandboxHarness;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.integrationhub.sandbox.data.SandboxIssues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

class GitHubIssuesApiTest {

    static final ParameterizedTypeReference<List<Map<String, Object>>> ISSUES = new ParameterizedTypeReference<>() { };
    private static final Pattern LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"([a-z]+)\"");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    private final WebTestClient http = SandboxHarness.http();

    @AfterEach
    void reset() {
        SandboxHarness.reset();
    }

    @Test
    void userNeedsValidCredentialsAndAnswersTheTokensPerson() {
        http.get().uri("/github/api/user").exchange().expectStatus().isUnauthorized()
                .expectHeader().exists("x-ratelimit-remaining")
                .expectBody().jsonPath("$.message").isEqualTo("Requires authentication").jsonPath("$.documentation_url").exists();
        http.get().uri("/github/api/user").header("Authorization", "Bearer gho_forged").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.message").isEqualTo("Bad credentials");

        var person = SandboxHarness.sandbox().issues().people().get(5);
        http.get().uri("/github/api/user").header("Authorization", "token " + GitHubOAuth.token(http, person.githubLogin()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.login").isEqualTo(person.githubLogin()).jsonPath("$.id").isEqualTo((int) person.githubId())
                .jsonPath("$.name").isEqualTo(person.displayName()).jsonPath("$.type").isEqualTo("User");
    }

    @Test
    void pagesThroughEveryIssueOnlyThroughLinkHeaders() {
        String token = GitHubOAuth.token(http, null);
        long expected = SandboxHarness.sandbox().issues().updatedSince(SandboxIssues.Kind.GITHUB, null, "acme/api"::equals).count();
        long lastPage = (expected + 99) / 100;

        Set<Object> ids = new HashSet<>();
        List<String> updated = new ArrayList<>();
        String next = "/github/api/repos/acme/api/issues?state=all&per_page=100&sort=updated&direction=asc";
        long pages = 0;
        Map<String, String> firstLinks = null;
        Map<String, String> lastLinks = null;
        while (next != null) {
            EntityExchangeResult<List<Map<String, Object>>> page = http.get().uri(URI.create(absolute(next)))
                    .header("Authorization", "Bearer " + token).exchange().expectStatus().isOk().expectBody(ISSUES).returnResult();
            pages++;
            for (Map<String, Object> issue : page.getResponseBody()) {
                assertThat(ids.add(issue.get("id"))).as("duplicate issue %s", issue.get("id")).isTrue();
                updated.add((String) issue.get("updated_at"));
            }
            Map<String, String> links = links(page.getResponseHeaders());
            if (pages == 1) {
                firstLinks = links;
            }
            lastLinks = links;
            next = links.get("next");
            assertThat(pages).as("pages followed").isLessThanOrEqualTo(lastPage);
        }

        assertThat(ids).hasSize((int) expected);
        assertThat(pages).isEqualTo(lastPage);
        assertThat(updated).isSorted();
        assertThat(firstLinks.get("last")).startsWith(SandboxHarness.sandbox().baseUrl() + "/github/api/repos/acme/api/issues?")
                .contains("page=" + lastPage).contains("per_page=100").contains("state=all");
        assertThat(firstLinks).doesNotContainKeys("prev", "first");
        assertThat(lastLinks).containsKeys("prev", "first").doesNotContainKeys("next", "last");
    }

    @Test
    void defaultsAreOpenIssuesThirtyAPageNewestCreatedFirst() {
        EntityExchangeResult<List<Map<String, Object>>> page = get("/github/api/repos/acme/api/issues", GitHubOAuth.token(http, null));

        List<Map<String, Object>> issues = page.getResponseBody();
        assertThat(issues).hasSize(30).allSatisfy(issue -> assertThat(issue).containsEntry("state", "open"));
        List<String> created = issues.stream().map(issue -> (String) issue.get("created_at")).toList();
        assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(links(page.getResponseHeaders()).get("next")).contains("page=2");
    }

    @Test
    void issuesCarryGitHubsFieldsAndPullRequestsTheirPullRequestObject() {
        String token = GitHubOAuth.token(http, null);
        List<Map<String, Object>> issues = get("/github/api/repos/acme/api/issues?state=all&per_page=100", token).getResponseBody();

        assertThat(issues).anySatisfy(issue -> assertThat(issue).containsEntry("state", "closed"));
        Map<String, Object> pull = issues.stream().filter(issue -> issue.containsKey("pull_request")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> pullRequest = (Map<String, Object>) pull.get("pull_request");
        assertThat(pullRequest).containsKeys("url", "html_url", "diff_url", "patch_url");
        assertThat((String) pull.get("html_url")).contains("/acme/api/pull/" + pull.get("number"));

        Map<String, Object> issue = issues.stream().filter(i -> !i.containsKey("pull_request") && "closed".equals(i.get("state")))
                .findFirst().orElseThrow();
        assertThat(issue).containsKeys("id", "node_id", "number", "title", "body", "state", "state_reason", "user", "assignee",
                "assignees", "labels", "html_url", "url", "created_at", "updated_at", "closed_at");
        assertThat((String) issue.get("created_at")).matches(TIMESTAMP);
        assertThat((String) issue.get("closed_at")).matches(TIMESTAMP);
        assertThat(issue.get("state_reason")).isEqualTo("completed");
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) issue.get("user");
        assertThat(user).containsKeys("login", "id", "node_id").containsEntry("type", "User").containsEntry("site_admin", false);

        List<Map<String, Object>> open = get("/github/api/repos/acme/api/issues?per_page=100", token).getResponseBody();
        assertThat(open).isNotEmpty().allSatisfy(i -> assertThat(i.get("state")).isEqualTo("open"));
    }

    @Test
    void sinceKeepsOnlyIssuesUpdatedAtOrAfterIt() {
        String token = GitHubOAuth.token(http, null);
        Instant since = Instant.parse("2026-01-01T10:00:00Z");
        long expected = SandboxHarness.sandbox().issues().updatedSince(SandboxIssues.Kind.GITHUB, since, "acme/web"::equals)
                .filter(SandboxIssue::open).count();

        EntityExchangeResult<List<Map<String, Object>>> page = get(
                "/github/api/repos/acme/web/issues?since=2026-01-01T10:00:00Z&per_page=100&sort=updated&direction=asc", token);

        assertThat(page.getResponseBody()).isNotEmpty().allSatisfy(issue ->
                assertThat(Instant.parse((String) issue.get("updated_at"))).isAfterOrEqualTo(since));
        String last = links(page.getResponseHeaders()).get("last");
        long total = last == null ? page.getResponseBody().size()
                : 100L * (Long.parseLong(last.replaceAll(".*[?&]page=(\\d+).*", "$1")) - 1)
                        + get(last, token).getResponseBody().size();
        assertThat(total).isEqualTo(expected);
    }

    @Test
    void aChangedIssueMovesToTheEndOfTheUpdatedOrder() {
        String token = GitHubOAuth.token(http, null);
        Map<String, Object> created = http.post().uri("/sandbox/github/repos/acme/api/issues")
                .bodyValue(Map.of("title", "Sandbox-made issue")).exchange().expectStatus().isCreated()
                .expectBody(GitHubOAuth.JSON).returnResult().getResponseBody();

        List<Map<String, Object>> newest = get("/github/api/repos/acme/api/issues?sort=updated&direction=desc&per_page=1", token)
                .getResponseBody();
        assertThat(newest).singleElement().satisfies(issue -> assertThat(issue).containsEntry("title", "Sandbox-made issue"));
        http.get().uri("/github/api/repos/acme/api/issues/" + created.get("number")).header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(created.get("id"));

        http.delete().uri("/sandbox/github/issues/" + created.get("id")).exchange().expectStatus().isNoContent();
        http.get().uri("/github/api/repos/acme/api/issues/" + created.get("number")).header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isEqualTo(410);
    }

    @Test
    void oneIssueByNumberAndUnknownRepositoryIsNotFound() {
        String token = GitHubOAuth.token(http, null);
        http.get().uri("/github/api/repos/acme/web/issues/3").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.number").isEqualTo(3)
                .jsonPath("$.url").isEqualTo(SandboxHarness.sandbox().baseUrl() + "/github/api/repos/acme/web/issues/3");
        http.get().uri("/github/api/repos/acme/nothing/issues").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.message").isEqualTo("Not Found");
    }

    @Test
    void everyAnswerCountsDownTheTokensRateLimitAndAPlayed429ShowsItExhausted() {
        String token = GitHubOAuth.token(http, null);
        HttpHeaders first = http.get().uri("/github/api/user").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseHeaders();
        HttpHeaders second = get("/github/api/repos/acme/api/issues?per_page=1", token).getResponseHeaders();

        assertThat(first.getFirst("x-ratelimit-limit")).isEqualTo("5000");
        assertThat(first.getFirst("x-ratelimit-resource")).isEqualTo("core");
        assertThat(Long.parseLong(first.getFirst("x-ratelimit-reset"))).isGreaterThan(Instant.now().getEpochSecond());
        assertThat(Integer.parseInt(second.getFirst("x-ratelimit-remaining")))
                .isEqualTo(Integer.parseInt(first.getFirst("x-ratelimit-remaining")) - 1);
        assertThat(Integer.parseInt(second.getFirst("x-ratelimit-used"))).isEqualTo(2);

        http.post().uri("/sandbox/faults/github").bodyValue(Map.of("rateLimitOnCall", 1, "retryAfterSeconds", 7)).exchange()
                .expectStatus().isNoContent();
        http.get().uri("/github/api/user").header("Authorization", "Bearer " + token).exchange().expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("x-ratelimit-remaining", "0").expectHeader().valueEquals("Retry-After", "7");
        http.get().uri("/github/api/user").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();
    }

    private EntityExchangeResult<List<Map<String, Object>>> get(String uri, String token) {
        return http.get().uri(URI.create(absolute(uri))).header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody(ISSUES).returnResult();
    }

    private static String absolute(String uri) {
        return uri.startsWith("http") ? uri : SandboxHarness.sandbox().baseUrl() + uri;
    }

    static Map<String, String> links(HttpHeaders headers) {
        Map<String, String> links = new LinkedHashMap<>();
        String header = headers.getFirst(HttpHeaders.LINK);
        if (header != null) {
            Matcher matcher = LINK.matcher(header);
            while (matcher.find()) {
                links.put(matcher.group(2), matcher.group(1));
            }
        }
        return links;
    }
}
