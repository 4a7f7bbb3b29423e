package org.integrationhub.sandbox.atlassian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.CLOUD_ID;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.CONFLUENCE_SCOPES;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

@SuppressWarnings("unchecked")
class ConfluencePagesTest {

    private static final String API = "/atlassian/api/ex/confluence/" + CLOUD_ID;

    private static String token;
    private final WebTestClient http = AtlassianSandbox.http();

    @BeforeAll
    static void authorize() {
        token = AtlassianSandbox.accessToken(CONFLUENCE_SCOPES);
    }

    @Test
    void pagesArePagedThroughLinksNextAndTheLinkHeader() {
        List<String> ids = new ArrayList<>();
        String next = "/wiki/api/v2/pages?limit=10";
        int calls = 0;
        while (next != null) {
            EntityExchangeResult<Map<String, Object>> result = http.get().uri(API + next).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().expectStatus().isOk().expectBody(AtlassianSandbox.JSON).returnResult();
            calls++;
            Map<String, Object> body = result.getResponseBody();
            List<Map<String, Object>> results = (List<Map<String, Object>>) body.get("results");
            assertThat(results).allSatisfy(page -> {
                assertThat(page).containsEntry("status", "current").containsKeys("id", "title", "spaceId");
                assertThat(((Map<String, Object>) page.get("version")).get("number")).isInstanceOf(Number.class);
            });
            results.forEach(page -> ids.add((String) page.get("id")));
            next = (String) ((Map<String, Object>) body.get("_links")).get("next");
            String link = result.getResponseHeaders().getFirst(HttpHeaders.LINK);
            if (next != null) {
                assertThat(next).startsWith("/wiki/api/v2/pages?");
                assertThat(link).contains("<" + next + ">; rel=\"next\"");
            } else {
                assertThat(link == null ? "" : link).doesNotContain("rel=\"next\"");
            }
        }
        assertThat(calls).isEqualTo(3);
        assertThat(ids).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void pagesWithoutATokenAre401() {
        http.get().uri(API + "/wiki/api/v2/pages").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void pagesNeedAConfluenceScope() {
        String jiraOnly = AtlassianSandbox.accessToken("read:jira-work");

        http.get().uri(API + "/wiki/api/v2/pages").header(HttpHeaders.AUTHORIZATION, "Bearer " + jiraOnly).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void invalidCursorIs400() {
        http.get().uri(API + "/wiki/api/v2/pages?cursor=bogus!").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].status").isEqualTo(400);
    }
}
