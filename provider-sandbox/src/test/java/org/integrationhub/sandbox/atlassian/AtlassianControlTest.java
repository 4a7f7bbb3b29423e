package org.integrationhub.sandbox.atlassian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.JIRA_SCOPES;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.JSON;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

@SuppressWarnings("unchecked")
class AtlassianControlTest {

    private static String token;
    private final WebTestClient http = AtlassianSandbox.http();

    @BeforeAll
    static void authorize() {
        token = AtlassianSandbox.accessToken(JIRA_SCOPES);
    }

    @AfterEach
    void reset() {
        http.post().uri("/sandbox/reset").exchange().expectStatus().is2xxSuccessful();
    }

    @Test
    void createdIssueIsServedByTheApiWithItsAssignee() {
        String assignee = AtlassianSandbox.sandbox().issues().people().get(3).accountId();
        Map<String, Object> created = http.post().uri("/sandbox/atlassian/issues")
                .bodyValue(Map.of("project", "OPS", "summary", "Made by a test", "assigneeAccountId", assignee)).exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();

        assertThat((String) created.get("key")).startsWith("OPS-");
        jira("/issue/" + created.get("key")).expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(created.get("id"))
                .jsonPath("$.fields.summary").isEqualTo("Made by a test")
                .jsonPath("$.fields.assignee.accountId").isEqualTo(assignee)
                .jsonPath("$.fields.status.name").isEqualTo("To Do")
                .jsonPath("$.fields.status.statusCategory.key").isEqualTo("new");
    }

    @Test
    void updateSetsStatusWithItsCategoryAndAnEmptyAssigneeUnassigns() {
        String id = create("PROJ", "Move me");

        http.put().uri("/sandbox/atlassian/issues/" + id).bodyValue(Map.of("status", "In Review", "assigneeAccountId", "")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.fields.status.name").isEqualTo("In Review")
                .jsonPath("$.fields.status.statusCategory.key").isEqualTo("indeterminate")
                .jsonPath("$.fields.assignee").doesNotExist();
        jira("/issue/" + id).expectStatus().isOk().expectBody(JSON).value(issue ->
                assertThat((Map<String, Object>) issue.get("fields")).containsEntry("assignee", null));
    }

    @Test
    void unknownStatusIsRefused() {
        String id = create("PROJ", "Stay");

        http.put().uri("/sandbox/atlassian/issues/" + id).bodyValue(Map.of("status", "Exploded")).exchange().expectStatus().isBadRequest();
    }

    @Test
    void deletedIssueIsGoneFromTheApi() {
        String id = create("WEB", "Delete me");

        http.delete().uri("/sandbox/atlassian/issues/" + id).exchange().expectStatus().isNoContent();

        jira("/issue/" + id).expectStatus().isNotFound();
        http.delete().uri("/sandbox/atlassian/issues/" + id).exchange().expectStatus().isNotFound();
    }

    @Test
    void changedIssueMovesToTheEndOfTheUpdateOrderAndMatchesRelativeDates() {
        http.put().uri("/sandbox/atlassian/issues/PROJ-1").bodyValue(Map.of("summary", "Touched just now")).exchange()
                .expectStatus().isOk();

        Map<String, Object> recent = jira("/search/jql?jql=updated >= -5m ORDER BY updated ASC&fields=summary").expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();

        assertThat((List<Map<String, Object>>) recent.get("issues")).singleElement().satisfies(issue -> {
            assertThat(issue).containsEntry("key", "PROJ-1");
            assertThat((Map<String, Object>) issue.get("fields")).containsEntry("summary", "Touched just now");
        });
    }

    private String create(String project, String summary) {
        return (String) http.post().uri("/sandbox/atlassian/issues").bodyValue(Map.of("project", project, "summary", summary)).exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    private WebTestClient.ResponseSpec jira(String path) {
        return http.get().uri(AtlassianSandbox.jiraApi() + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
