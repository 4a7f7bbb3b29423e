package org.integrationhub.sandbox.atlassian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.JIRA_SCOPES;
import static org.integrationhub.sandbox.atlassian.AtlassianSandbox.JSON;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.integrationhub.sandbox.data.SandboxIssues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

@SuppressWarnings("unchecked")
class JiraRestTest {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000";

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
    void myselfWithTheApiTokenIsTheSiteAdmin() {
        http.get().uri(AtlassianSandbox.siteApi() + "/myself").header(HttpHeaders.AUTHORIZATION, AtlassianSandbox.basic()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.accountId").isNotEmpty()
                .jsonPath("$.emailAddress").isEqualTo(AtlassianSandbox.API_TOKEN_EMAIL)
                .jsonPath("$.displayName").isNotEmpty()
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.timeZone").isEqualTo("Europe/Berlin");
    }

    @Test
    void myselfWithAnOAuthTokenIsThePersonWhoConsented() {
        String firstPerson = AtlassianSandbox.sandbox().issues().people().get(0).accountId();

        oauthGet("/myself").expectStatus().isOk().expectBody()
                .jsonPath("$.accountId").isEqualTo(firstPerson)
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.timeZone").isEqualTo("Europe/Berlin");
    }

    @Test
    void myselfWithABadApiTokenIs401WithJirasErrorBody() {
        String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString("admin@acme.example:wrong".getBytes());

        http.get().uri(AtlassianSandbox.siteApi() + "/myself").header(HttpHeaders.AUTHORIZATION, wrong).exchange()
                .expectStatus().isUnauthorized().expectBody()
                .jsonPath("$.errorMessages[0]").isNotEmpty()
                .jsonPath("$.errors").isMap();
    }

    @Test
    void missingOrUnknownCredentialsAre401OnBothDoors() {
        http.get().uri(AtlassianSandbox.siteApi() + "/myself").exchange().expectStatus().isUnauthorized();
        http.get().uri(AtlassianSandbox.jiraApi() + "/myself").exchange().expectStatus().isUnauthorized();
        http.get().uri(AtlassianSandbox.jiraApi() + "/myself").header(HttpHeaders.AUTHORIZATION, "Bearer atl_unknown").exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.errorMessages[0]").isNotEmpty();
    }

    @Test
    void siteUrlTakesOnlyTheApiTokenAndTheApiUrlOnlyOAuth() {
        http.get().uri(AtlassianSandbox.siteApi() + "/myself").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri(AtlassianSandbox.jiraApi() + "/myself").header(HttpHeaders.AUTHORIZATION, AtlassianSandbox.basic()).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void unknownCloudIdIs404() {
        http.get().uri("/atlassian/api/ex/jira/00000000-0000-0000-0000-000000000000/rest/api/3/myself")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isNotFound();
    }

    @Test
    void tokenWithoutTheNeededScopeIs401() {
        String workOnly = AtlassianSandbox.accessToken("read:jira-work");

        http.get().uri(AtlassianSandbox.jiraApi() + "/myself").header(HttpHeaders.AUTHORIZATION, "Bearer " + workOnly).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.message").isEqualTo("Unauthorized; scope does not match");
    }

    @Test
    void searchWithoutFieldsAnswersIdsOnlyAndNoTotal() {
        Map<String, Object> page = search(Map.of("jql", "project = PROJ"));

        List<Map<String, Object>> issues = (List<Map<String, Object>>) page.get("issues");
        assertThat(issues).hasSize(50).allSatisfy(issue -> assertThat(issue).containsOnlyKeys("id"));
        assertThat(issues.get(0).get("id")).isInstanceOf(String.class);
        assertThat(page).doesNotContainKey("total").containsEntry("isLast", false).containsKey("nextPageToken");
    }

    @Test
    void searchWithFieldsAnswersThoseFields() {
        Map<String, Object> page = search(Map.of("jql", "project = PROJ", "fields", "summary,status,assignee", "maxResults", "5"));

        List<Map<String, Object>> issues = (List<Map<String, Object>>) page.get("issues");
        assertThat(issues).hasSize(5).allSatisfy(issue -> {
            assertThat(issue).containsKeys("id", "key", "self", "fields");
            assertThat((Map<String, Object>) issue.get("fields")).containsOnlyKeys("summary", "status", "assignee");
        });
    }

    @Test
    void searchWithStarAllAnswersEveryField() {
        Map<String, Object> page = search(Map.of("jql", "", "fields", "*all", "maxResults", "1"));

        Map<String, Object> issue = ((List<Map<String, Object>>) page.get("issues")).get(0);
        assertThat((Map<String, Object>) issue.get("fields")).containsOnlyKeys("summary", "description", "status", "assignee",
                "reporter", "priority", "issuetype", "project", "labels", "created", "updated");
    }

    @Test
    void pagingThroughAllIssuesWithNextPageTokenSeesEachOnce() {
        Set<String> seen = new HashSet<>();
        String next = null;
        int pages = 0;
        while (true) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("jql", "ORDER BY updated ASC", "maxResults", 100));
            if (next != null) {
                body.put("nextPageToken", next);
            }
            Map<String, Object> page = http.post().uri(AtlassianSandbox.jiraApi() + "/search/jql")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).bodyValue(body).exchange()
                    .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
            pages++;
            assertThat(page).doesNotContainKey("total");
            for (Map<String, Object> issue : (List<Map<String, Object>>) page.get("issues")) {
                assertThat(seen.add((String) issue.get("id"))).as("duplicate %s", issue.get("id")).isTrue();
            }
            if (Boolean.TRUE.equals(page.get("isLast"))) {
                assertThat(page).doesNotContainKey("nextPageToken");
                break;
            }
            next = (String) page.get("nextPageToken");
            assertThat(next).isNotBlank();
        }
        assertThat(seen).hasSize(1000);
        assertThat(pages).isEqualTo(10);
    }

    @Test
    void maxResultsIsCappedAt100() {
        Map<String, Object> page = search(Map.of("jql", "", "maxResults", "500"));

        assertThat((List<?>) page.get("issues")).hasSize(100);
    }

    @Test
    void jqlProjectFiltersIssues() {
        List<Map<String, Object>> ops = all("project = OPS");
        List<Map<String, Object>> others = all("project in (PROJ, \"WEB\")");

        assertThat(ops).hasSize(333).allSatisfy(issue -> assertThat(projectKey(issue)).isEqualTo("OPS"));
        assertThat(others).hasSize(667).allSatisfy(issue -> assertThat(projectKey(issue)).isIn("PROJ", "WEB"));
    }

    @Test
    void jqlUpdatedSinceFiltersAtMinutePrecisionInTheUsersTimeZone() {
        // the sandbox user's zone is Europe/Berlin (UTC+1 in January): 17:00 there is 16:00 UTC
        List<Map<String, Object>> recent = all("updated >= \"2026-01-01 17:00\" AND project in (PROJ, OPS, WEB) ORDER BY updated");

        assertThat(recent).hasSize(40);
        assertThat(((Map<String, Object>) recent.get(0).get("fields")).get("updated")).isEqualTo("2026-01-01T16:00:00.000+0000");
        assertThat(recent).allSatisfy(issue -> assertThat((String) ((Map<String, Object>) issue.get("fields")).get("updated"))
                .isGreaterThanOrEqualTo("2026-01-01T16:00:00.000+0000"));
    }

    @Test
    void orderByUpdatedDescendingPagesNewestFirst() {
        Map<String, Object> first = search(Map.of("jql", "project = PROJ ORDER BY updated DESC", "fields", "updated", "maxResults", "3"));
        List<Map<String, Object>> issues = (List<Map<String, Object>>) first.get("issues");
        Map<String, Object> second = search(Map.of("jql", "project = PROJ ORDER BY updated DESC", "fields", "updated", "maxResults", "3",
                "nextPageToken", (String) first.get("nextPageToken")));

        assertThat(issues).extracting(i -> i.get("id")).containsExactly("10999", "10996", "10993");
        assertThat((List<Map<String, Object>>) second.get("issues")).extracting(i -> i.get("id"))
                .containsExactly("10990", "10987", "10984");
    }

    @Test
    void unsupportedJqlIs400WithJirasMessage() {
        for (String jql : List.of("status = Done", "project = PROJ OR project = OPS", "project = PROJ ORDER BY priority",
                "updated >= \"yesterday\"", "project = ")) {
            Map<String, Object> error = http.get().uri(b -> b.path(AtlassianSandbox.jiraApi() + "/search/jql").queryParam("jql", "{j}")
                            .build(jql))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isBadRequest()
                    .expectBody(JSON).returnResult().getResponseBody();
            assertThat((List<String>) error.get("errorMessages")).as(jql).singleElement().asString()
                    .startsWith("Error in the JQL Query: ");
            assertThat(error.get("errors")).isEqualTo(Map.of());
        }
    }

    @Test
    void unknownProjectInJqlIs400() {
        oauthGet("/search/jql?jql=project=NOPE").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errorMessages[0]").isEqualTo("The value 'NOPE' does not exist for the field 'project'.");
    }

    @Test
    void nextPageTokenOfAnotherQueryIs400() {
        String next = (String) search(Map.of("jql", "project = PROJ")).get("nextPageToken");

        oauthGet("/search/jql?jql=project=OPS&nextPageToken=" + next).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorMessages[0]").isNotEmpty();
    }

    @Test
    void oldSearchIsGone() {
        oauthGet("/search?jql=project=PROJ&startAt=0").expectStatus().isEqualTo(HttpStatus.GONE)
                .expectBody().jsonPath("$.errorMessages[0]").value(m -> assertThat((String) m).contains("/rest/api/3/search/jql"));
        http.post().uri(AtlassianSandbox.siteApi() + "/search").header(HttpHeaders.AUTHORIZATION, AtlassianSandbox.basic())
                .bodyValue(Map.of("jql", "project = PROJ")).exchange().expectStatus().isEqualTo(HttpStatus.GONE);
    }

    @Test
    void issueHasTheDocumentedShape() {
        Map<String, Object> issue = oauthGet("/issue/PROJ-2").expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();

        assertThat(issue).containsEntry("id", "10003").containsEntry("key", "PROJ-2")
                .containsEntry("self", AtlassianSandbox.sandbox().baseUrl() + AtlassianSandbox.jiraApi() + "/issue/10003");
        Map<String, Object> fields = (Map<String, Object>) issue.get("fields");
        assertThat((String) fields.get("summary")).isNotBlank();
        assertThat((String) fields.get("created")).matches(TIMESTAMP);
        assertThat(fields.get("updated")).isEqualTo("2026-01-01T00:03:00.000+0000");
        assertThat((Map<String, Object>) ((Map<String, Object>) fields.get("status")).get("statusCategory"))
                .extractingByKey("key").isIn("new", "indeterminate", "done");
        assertThat((Map<String, Object>) fields.get("priority")).containsKey("name");
        assertThat((Map<String, Object>) fields.get("issuetype")).containsKey("name");
        assertThat((Map<String, Object>) fields.get("project")).containsEntry("key", "PROJ").containsKey("name");
        assertThat(fields.get("labels")).isInstanceOf(List.class);
        assertThat((Map<String, Object>) fields.get("reporter")).containsKeys("accountId", "displayName");
    }

    @Test
    void descriptionIsAtlassianDocumentFormatOrNull() {
        SandboxIssue described = firstIssue(i -> i.description() != null);
        SandboxIssue bare = firstIssue(i -> i.description() == null);

        Map<String, Object> adf = (Map<String, Object>) fieldsOf(described.key()).get("description");
        assertThat(adf).containsEntry("type", "doc").containsEntry("version", 1);
        Map<String, Object> paragraph = ((List<Map<String, Object>>) adf.get("content")).get(0);
        assertThat(paragraph).containsEntry("type", "paragraph");
        assertThat(((List<Map<String, Object>>) paragraph.get("content")).get(0)).containsEntry("type", "text")
                .containsEntry("text", described.description());
        assertThat(fieldsOf(bare.key())).containsEntry("description", null);
    }

    @Test
    void assigneeWithAHiddenEmailHasNoEmailAddressAndUnassignedIsNull() {
        SandboxIssue hidden = firstIssue(i -> i.assignee() != null && i.assignee().email() == null);
        SandboxIssue unassigned = firstIssue(i -> i.assignee() == null);

        Map<String, Object> assignee = (Map<String, Object>) fieldsOf(hidden.key()).get("assignee");
        assertThat(assignee).containsEntry("accountId", hidden.assignee().accountId()).containsKey("displayName")
                .doesNotContainKey("emailAddress");
        assertThat(fieldsOf(unassigned.key())).containsEntry("assignee", null);
    }

    @Test
    void issueIsFoundByIdAsByKey() {
        Map<String, Object> byId = oauthGet("/issue/10003").expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();

        assertThat(byId).containsEntry("key", "PROJ-2");
    }

    @Test
    void missingIssueIs404WithJirasMessage() {
        for (String idOrKey : List.of("PROJ-999999", "99999999", "NOPE-1")) {
            oauthGet("/issue/" + idOrKey).expectStatus().isNotFound().expectBody()
                    .jsonPath("$.errorMessages[0]").isEqualTo("Issue does not exist or you do not have permission to see it.")
                    .jsonPath("$.errors").isMap();
        }
    }

    @Test
    void rateLimitFaultAnswers429WithRetryAfterOnceThenRecovers() {
        http.post().uri("/sandbox/faults/atlassian").bodyValue(Map.of("rateLimitOnCall", 1, "retryAfterSeconds", 2)).exchange()
                .expectStatus().is2xxSuccessful();

        oauthGet("/search/jql?jql=project=PROJ").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2");
        oauthGet("/search/jql?jql=project=PROJ").expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec oauthGet(String path) {
        return http.get().uri(AtlassianSandbox.jiraApi() + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private Map<String, Object> search(Map<String, String> params) {
        return http.get().uri(b -> {
                    b.path(AtlassianSandbox.jiraApi() + "/search/jql");
                    params.keySet().forEach(name -> b.queryParam(name, "{" + name + "}"));
                    return b.build(params);
                }).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    /** Every issue of a query, with project and updated, through POST and page tokens. */
    private List<Map<String, Object>> all(String jql) {
        List<Map<String, Object>> issues = new java.util.ArrayList<>();
        String next = null;
        do {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("jql", jql, "maxResults", 100, "fields", List.of("project", "updated")));
            if (next != null) {
                body.put("nextPageToken", next);
            }
            Map<String, Object> page = http.post().uri(AtlassianSandbox.jiraApi() + "/search/jql")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).bodyValue(body).exchange()
                    .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
            issues.addAll((List<Map<String, Object>>) page.get("issues"));
            next = (String) page.get("nextPageToken");
        } while (next != null);
        return issues;
    }

    private Map<String, Object> fieldsOf(String key) {
        return (Map<String, Object>) oauthGet("/issue/" + key).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody()
                .get("fields");
    }

    private static String projectKey(Map<String, Object> issue) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) issue.get("fields")).get("project")).get("key");
    }

    private static SandboxIssue firstIssue(java.util.function.Predicate<SandboxIssue> condition) {
        return AtlassianSandbox.sandbox().issues().updatedSince(SandboxIssues.Kind.JIRA, null, c -> true).filter(condition).findFirst()
                .orElseThrow();
    }
}
