package org.integrationhub.sandbox.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.integrationhub.sandbox.ProviderSandbox;
import org.integrationhub.sandbox.SandboxHarness;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.integrationhub.sandbox.data.SandboxIssues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** 100,000 generated issues: first, deep and last pages answer within WebTestClient's 5-second timeout, and count right. */
class GitHubLargeRepositoryTest {

    private static ProviderSandbox sandbox;
    private static WebTestClient http;
    private static String token;

    @BeforeAll
    static void start() {
        sandbox = ProviderSandbox.start(0, "sandbox.github.issue-count=100000");
        http = SandboxHarness.http(sandbox);
        token = GitHubOAuth.token(http, null);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void firstAndLastPageOfTheDefaultOrderAccountForEveryOpenIssue() {
        long expected = sandbox.issues().updatedSince(SandboxIssues.Kind.GITHUB, null, "acme/api"::equals).filter(SandboxIssue::open)
                .count();

        EntityExchangeResult<List<Map<String, Object>>> first = get(sandbox.baseUrl() + "/github/api/repos/acme/api/issues?per_page=100");
        String last = GitHubIssuesApiTest.links(first.getResponseHeaders()).get("last");
        long lastPage = Long.parseLong(last.replaceAll(".*[?&]page=(\\d+).*", "$1"));
        int lastSize = get(last).getResponseBody().size();

        assertThat(first.getResponseBody()).hasSize(100);
        assertThat(100 * (lastPage - 1) + lastSize).isEqualTo(expected);
    }

    @Test
    void aDeepPageInUpdatedOrderHoldsTheIssuesUpdatedThere() {
        List<Map<String, Object>> page = get(sandbox.baseUrl()
                + "/github/api/repos/acme/web/issues?state=all&sort=updated&direction=asc&per_page=100&page=400").getResponseBody();

        assertThat(page).hasSize(100);
        assertThat(page.get(0)).containsEntry("number", 39_901);
    }

    private static EntityExchangeResult<List<Map<String, Object>>> get(String url) {
        return http.get().uri(URI.create(url)).header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody(GitHubIssuesApiTest.ISSUES).returnResult();
    }
}
