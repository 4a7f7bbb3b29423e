package org.integrationhub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** People beyond one mapping at a time: unmapped assignees mapped in one step, editing, and CSV import. */
class PeoplePagesIT extends UiPageTest {

    private static final String MAPPING = "0b6e1a52-5f7e-4c57-9a34-8c1d2e3f4a5b";
    private static final String RESOURCE = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f";
    private static final String NO_MAPPINGS = "{\"data\":[],\"page\":{\"number\":0,\"size\":50,\"totalElements\":0,\"totalPages\":0}}";

    @Test
    void listsTheAssigneesNobodyMappedWithAFormThatMapsEachInOneStep() {
        Stubs.MAPPINGS.answer("GET /api/external-user-mappings", 200, NO_MAPPINGS);
        Stubs.TASKS.answer("GET /api/external-tasks/assignees", 200, "{\"data\":[{\"system\":\"jira\",\"externalUserId\":\"acc-1\","
                + "\"email\":\"grace@example.com\",\"displayName\":\"Grace <Hopper>\",\"taskCount\":7,\"mapped\":false}]}");
        Browser browser = signedIn();

        String html = page(browser.get("/ui/people"), 200);

        assertThat(Stubs.TASKS.last().pathAndQuery()).isEqualTo("/api/external-tasks/assignees?mapped=false");
        assertThat(html).contains("Assignees nobody mapped yet", "Grace &lt;Hopper&gt;", "Resource id for Grace &lt;Hopper&gt;",
                "aria-label=\"Map Grace &lt;Hopper&gt;\"", "name=\"externalUserId\" value=\"acc-1\"",
                "href=\"/ui/tasks?system=jira&amp;assignee=acc-1\">7</a>");
        UiPageTest.assertEveryControlIsLabelled(html);

        Stubs.MAPPINGS.answer("POST /api/external-user-mappings", 201, "{\"data\":{\"id\":\"" + MAPPING + "\"}}");
        EntityExchangeResult<byte[]> mapped = browser.postForm("/ui/people", Map.of("externalSystem", "jira", "externalUserId", "acc-1",
                "externalEmail", "grace@example.com", "resourceId", RESOURCE));
        assertThat(mapped.getResponseHeaders().getLocation()).hasToString("/ui/people?added");
        assertThat(Stubs.MAPPINGS.last().bodyText()).contains("\"externalUserId\":\"acc-1\"", "\"resourceId\":\"" + RESOURCE + "\"");
    }

    @Test
    void saysWhenEveryAssigneeIsMappedAndWhenTheListCannotBeRead() {
        Stubs.MAPPINGS.answer("GET /api/external-user-mappings", 200, NO_MAPPINGS);
        Stubs.TASKS.answer("GET /api/external-tasks/assignees", 200, "{\"data\":[]}");
        Browser browser = signedIn();
        assertThat(page(browser.get("/ui/people"), 200)).contains("Every assignee seen in your tasks is mapped");

        Stubs.TASKS.answer("GET /api/external-tasks/assignees", 503, "{\"status\":503}");
        assertThat(page(browser.get("/ui/people"), 200)).contains("cannot be listed right now", "No mappings yet.");
    }

    @Test
    void editingAMappingShowsItAndSavesItWithPut() {
        Stubs.MAPPINGS.answer("GET /api/external-user-mappings/" + MAPPING, 200, "{\"data\":{\"id\":\"" + MAPPING + "\","
                + "\"externalSystem\":\"github\",\"externalUserId\":\"octocat\",\"externalEmail\":null,\"resourceId\":\"" + RESOURCE + "\"}}");
        Browser browser = signedIn();

        String form = page(browser.get("/ui/people/" + MAPPING + "/edit"), 200);
        assertThat(form).contains("value=\"octocat\"", "value=\"" + RESOURCE + "\"", "<option value=\"github\" selected=\"selected\">",
                "action=\"/ui/people/" + MAPPING + "\"");
        UiPageTest.assertEveryControlIsLabelled(form);

        Stubs.MAPPINGS.answer("PUT /api/external-user-mappings/" + MAPPING, 200, "{\"data\":{\"id\":\"" + MAPPING + "\"}}");
        EntityExchangeResult<byte[]> saved = browser.postForm("/ui/people/" + MAPPING, Map.of("externalSystem", "github",
                "externalUserId", "octocat", "externalEmail", "", "resourceId", RESOURCE));
        assertThat(saved.getResponseHeaders().getLocation()).hasToString("/ui/people?saved");
        assertThat(Stubs.MAPPINGS.last().method()).isEqualTo("PUT");
        assertThat(Stubs.MAPPINGS.last().bodyText()).contains("\"externalUserId\":\"octocat\"").doesNotContain("externalEmail");

        Stubs.MAPPINGS.answer("PUT /api/external-user-mappings/" + MAPPING, 409, "{\"status\":409,\"code\":\"mapping_exists\","
                + "\"detail\":\"This organisation already maps that external email or user id of that system.\"}");
        assertThat(page(browser.postForm("/ui/people/" + MAPPING, Map.of("externalSystem", "github", "externalUserId", "taken",
                "resourceId", RESOURCE)), 409)).contains("already maps that external email", "value=\"taken\"");
    }

    @Test
    void anUploadedCsvFileGoesToMappingServiceAndTheCountIsShown() {
        Stubs.MAPPINGS.answer("GET /api/external-user-mappings", 200, NO_MAPPINGS);
        Stubs.MAPPINGS.answer("POST /api/external-user-mappings/import", 201, "{\"data\":{\"created\":2,\"rows\":[]}}");
        Browser browser = signedIn();
        assertThat(page(browser.get("/ui/people"), 200)).contains("enctype=\"multipart/form-data\"", "Import mappings from a CSV file");
        String csv = "system,externalUserId,resourceId\njira,acc-1," + RESOURCE + "\ngithub,octocat," + RESOURCE + "\n";

        EntityExchangeResult<byte[]> imported = browser.postMultipart("/ui/people/import", Map.of("csv", ""), "file", "people.csv", csv);

        assertThat(imported.getStatus().value()).as(Browser.html(imported)).isEqualTo(303);
        assertThat(imported.getResponseHeaders().getLocation()).hasToString("/ui/people?imported=2");
        DownstreamStub.Received sent = Stubs.MAPPINGS.receivedOn("/api/external-user-mappings/import").get(0);
        assertThat(sent.header("Content-Type")).startsWith("text/csv");
        assertThat(sent.bodyText()).isEqualTo(csv);
        assertThat(page(browser.get("/ui/people?imported=2"), 200)).contains("Imported 2 mapping(s).");
    }

    @Test
    void aRefusedImportNamesEachBadLineAndAnEmptyOneIsRefusedHere() {
        Stubs.MAPPINGS.answer("GET /api/external-user-mappings", 200, NO_MAPPINGS);
        Stubs.MAPPINGS.answer("POST /api/external-user-mappings/import", 400, "{\"status\":400,\"code\":\"validation_failed\","
                + "\"detail\":\"No mapping of the batch was stored: 1 row(s) are not acceptable.\","
                + "\"errors\":[{\"line\":3,\"field\":\"resourceId\",\"message\":\"must be a UUID\"}]}");
        Browser browser = signedIn();
        browser.get("/ui/people");

        String refused = page(browser.postMultipart("/ui/people/import", Map.of("csv", "system,externalUserId,resourceId\n"
                + "jira,a,x\n"), null, null, null), 400);
        assertThat(refused).contains("No mapping of the batch was stored", "Line 3: resourceId must be a UUID");
        assertThat(Stubs.MAPPINGS.receivedOn("/api/external-user-mappings/import").get(0).bodyText()).startsWith("system,externalUserId");

        assertThat(page(browser.postMultipart("/ui/people/import", Map.of("csv", " "), null, null, null), 400))
                .contains("Choose a CSV file, or paste its lines, to import.");
    }

    @Test
    void anUploadWithoutTheFormTokenIsRefused() {
        Browser browser = signedIn();
        browser.get("/ui/people");

        EntityExchangeResult<byte[]> refused = browser.postMultipart("/ui/people/import", Map.of("_csrf", "forged", "csv", "a"), null, null, null);

        assertThat(refused.getStatus().value()).isEqualTo(403);
        assertThat(Stubs.MAPPINGS.receivedOn("/api/external-user-mappings/import")).isEmpty();
    }
}
