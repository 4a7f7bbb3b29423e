package org.integrationhub.sandbox.atlassian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.JSON;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.integrationhub.sandbox.ProviderSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A sandbox of its own with 100,000 Jira issues: pages resume from their token instead of rescanning. */
@SuppressWarnings("unchecked")
class LargeSiteSearchTest {

    private static ProviderSandbox sandbox;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        sandbox = ProviderSandbox.start(0, "sandbox.atlassian.issue-count=100000");
        http = AtlassianSandbox.http(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void pagingTheLastFiveThousandOfAHundredThousandIssuesSeesEachOnce() {
        // issue i was updated at 2026-01-01T00:00Z + i minutes; 95,000 minutes on is 2026-03-07 23:20 UTC,
        // 2026-03-08 00:20 in the sandbox user's zone (Europe/Berlin), which is how Jira reads a JQL date
        Set<String> seen = new HashSet<>();
        String next = null;
        do {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("jql", "updated >= \"2026-03-08 00:20\"", "maxResults", 100));
            if (next != null) {
                body.put("nextPageToken", next);
            }
            Map<String, Object> page = http.post().uri(AtlassianSandbox.siteApi() + "/search/jql")
                    .header(HttpHeaders.AUTHORIZATION, AtlassianSandbox.basic()).bodyValue(body).exchange()
                    .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
            ((List<Map<String, Object>>) page.get("issues")).forEach(issue -> assertThat(seen.add((String) issue.get("id"))).isTrue());
            next = (String) page.get("nextPageToken");
        } while (next != null);

        assertThat(seen).hasSize(5_000).contains("105000", "109999");
    }

    @Test
    void newestFirstStartsAtTheLastIssue() {
        http.get().uri(AtlassianSandbox.siteApi() + "/search/jql?jql=ORDER BY updated DESC&maxResults=2")
                .header(HttpHeaders.AUTHORIZATION, AtlassianSandbox.basic()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.issues[0].id").isEqualTo("109999")
                .jsonPath("$.issues[1].id").isEqualTo("109998")
                .jsonPath("$.isLast").isEqualTo(false);
    }
}
