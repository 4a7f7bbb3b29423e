package org.integrationhub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The web UI's pages, rendered by the gateway from what the (stubbed) services answer. */
class UiPagesIT extends UiPageTest {

    private static final String CONNECTION = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f";
    private static final String TASK = "0b6e1a52-5f7e-4c57-9a34-8c1d2e3f4a5b";
    static final String ALL_FOUR_PROVIDERS = "{\"data\":[{\"provider\":\"confluence\",\"name\":\"Confluence\"},"
            + "{\"provider\":\"github\",\"name\":\"GitHub\"},{\"provider\":\"jira\",\"name\":\"Jira\"},"
            + "{\"provider\":\"slack\",\"name\":\"Slack\"}]}";

    @Test
    void signInAndSignUpPagesHaveLabelledFieldsAFormTokenAndNoInlineScript() {
        Browser browser = new Browser(port);
        for (String path : new String[] {"/ui/login", "/ui/signup"}) {
            String html = page(browser.get(path), 200);
            assertEveryControlIsLabelled(html);
            assertThat(html).contains("name=\"_csrf\"", "/webjars/htmx.org/dist/htmx.min.js")
                    .doesNotContain("<script>", "style=\"", " onclick=");
        }
    }

    @Test
    void signingUpCreatesTheAccountAtAuthServiceAndSendsThePersonToSignIn() {
        Browser browser = new Browser(port);
        browser.get("/ui/signup");
        EntityExchangeResult<byte[]> result = browser.postForm("/ui/signup",
                Map.of("email", "ada@example.com", "password", "correct horse battery staple", "organisationName", "Analytical"));

        assertThat(result.getStatus().value()).isEqualTo(303);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/ui/login?registered");
        assertThat(Stubs.AUTH.last().pathAndQuery()).isEqualTo("/api/auth/register");
        assertThat(Stubs.AUTH.last().bodyText()).contains("\"organisationName\":\"Analytical\"", "\"password\":\"correct horse battery staple\"");
    }

    @Test
    void signUpShowsWhatAuthServiceRefusedInWords() {
        Stubs.AUTH.answer("POST /api/auth/register", 400, "{\"status\":400,\"code\":\"validation_failed\",\"detail\":\"Some fields are invalid.\","
                + "\"errors\":[{\"field\":\"password\",\"message\":\"must be between 12 and 72 characters\"}]}");
        Browser browser = new Browser(port);
        browser.get("/ui/signup");

        String html = page(browser.postForm("/ui/signup", Map.of("email", "ada@example.com", "password", "short", "organisationName", "A")), 400);

        assertThat(html).contains("Some fields are invalid.", "password: must be between 12 and 72 characters", "value=\"ada@example.com\"");
    }

    @Test
    void pagesSendAPersonWithoutASessionToSignIn() {
        for (String path : new String[] {"/ui/integrations", "/ui/tasks", "/ui/tasks/" + TASK}) {
            new Browser(port).http().get().uri(path).exchange().expectStatus().isSeeOther().expectHeader().location("/ui/login");
        }
        new Browser(port).http().get().uri("/").exchange().expectStatus().isSeeOther().expectHeader().location("/ui/overview");
    }

    @Test
    void integrationsListTheConnectionsWithStatusLastErrorAndLastSync() {
        Stubs.CONNECTOR.answer("GET /api/integrations", 200, "{\"data\":[{\"id\":\"" + CONNECTION + "\",\"type\":\"jira\",\"auth\":\"api_token\","
                + "\"displayName\":\"Acme Jira\",\"baseUrl\":\"https://acme.atlassian.net\",\"primary\":true,\"status\":\"error\","
                + "\"lastError\":\"Jira refused the API token.\",\"errorCount\":3,\"externalAccount\":{\"displayName\":\"Site Admin\"}}]}");
        Browser browser = signedIn();

        String html = page(browser.get("/ui/integrations"), 200);

        assertThat(Stubs.CONNECTOR.last().header("Authorization")).isEqualTo("Bearer " + BrowserSessionIT.TOKEN);
        assertThat(html).contains("Acme Jira", "https://acme.atlassian.net", "as Site Admin", "primary",
                "Last error: Jira refused the API token. (3 in a row)",
                "hx-get=\"/ui/integrations/" + CONNECTION + "/progress\"", "Connect Jira with an API token",
                "/webhooks/jira/" + CONNECTION, "href=\"/ui/integrations/" + CONNECTION + "/disconnect\"")
                .doesNotContain(BrowserSessionIT.TOKEN);
        assertEveryControlIsLabelled(html);
    }

    @Test
    void integrationsOfferOAuthForTheConfiguredProvidersSettingsAWebhookSecretFieldAndCopyButtonsWithoutInlineScript() {
        Stubs.CONNECTOR.answer("GET /api/oauth/providers", 200, ALL_FOUR_PROVIDERS);
        Stubs.CONNECTOR.answer("GET /api/integrations", 200, "{\"data\":[{\"id\":\"" + CONNECTION + "\",\"type\":\"jira\",\"auth\":\"api_token\","
                + "\"displayName\":\"Acme Jira\",\"baseUrl\":\"https://acme.atlassian.net\",\"projectKeys\":[\"PROJ\",\"OPS\"],"
                + "\"jqlFilter\":\"status != Done\",\"pollingEnabled\":true,\"enabled\":true,\"status\":\"active\",\"errorCount\":0,"
                + "\"hasWebhookSecret\":true}]}");

        String html = page(signedIn().get("/ui/integrations"), 200);

        for (String provider : new String[] {"jira", "confluence", "github", "slack"}) {
            assertThat(html).contains("action=\"/ui/integrations/connect/" + provider + "\"");
        }
        assertThat(html).contains("Connect Jira", "Connect Confluence", "Connect GitHub", "Connect Slack",
                "action=\"/ui/integrations/" + CONNECTION + "/settings\"", "value=\"PROJ, OPS\"", "value=\"status != Done\"",
                "id=\"polling-" + CONNECTION + "\" name=\"pollingEnabled\" checked", "action=\"/ui/integrations/" + CONNECTION + "/api-token\"",
                "action=\"/ui/integrations/" + CONNECTION + "/webhook-secret\"", "New webhook secret (at least 24 characters)",
                "id=\"secret-" + CONNECTION + "\" name=\"webhookSecret\" type=\"password\" autocomplete=\"off\"", "minlength=\"24\"",
                "data-generate=\"secret-" + CONNECTION + "\"", "data-copy=\"webhook-" + CONNECTION + "\"",
                "<script src=\"/js/copy.js\" defer></script>")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|onclick=");
        assertEveryControlIsLabelled(html);
        new Browser(port).http().get().uri("/js/copy.js").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript");
    }

    @Test
    void onlyProvidersWithAnOAuthAppGetAConnectButton() {
        Stubs.CONNECTOR.answer("GET /api/integrations", 200, "{\"data\":[]}");
        Stubs.CONNECTOR.answer("GET /api/oauth/providers", 200, "{\"data\":[{\"provider\":\"github\",\"name\":\"GitHub\"}]}");
        Browser browser = signedIn();

        String html = page(browser.get("/ui/integrations"), 200);

        assertThat(Stubs.CONNECTOR.receivedOn("/api/oauth/providers")).singleElement()
                .satisfies(asked -> assertThat(asked.header("Authorization")).isEqualTo("Bearer " + BrowserSessionIT.TOKEN));
        assertThat(html).contains("action=\"/ui/integrations/connect/github\"", "Connect GitHub")
                .doesNotContain("/ui/integrations/connect/jira", "/ui/integrations/connect/confluence", "/ui/integrations/connect/slack",
                        "Connect Slack", "Connect Confluence");

        Stubs.CONNECTOR.answer("GET /api/oauth/providers", 200, "{\"data\":[]}");
        assertThat(page(browser.get("/ui/integrations"), 200)).doesNotContain("/ui/integrations/connect/")
                .contains("no OAuth app set up for any provider yet");
        Stubs.CONNECTOR.answer("GET /api/oauth/providers", 404, "{\"status\":404}");
        assertThat(page(browser.get("/ui/integrations"), 200)).as("a connector-service that cannot say offers no button")
                .doesNotContain("/ui/integrations/connect/");
    }

    @Test
    void anOAuthButtonStartsTheAuthorisationWithThePersonsTokenAndSendsTheBrowserToTheProvider() {
        String consent = "http://localhost:8090/github/web/login/oauth/authorize?client_id=sandbox-github-client&state=abc";
        Stubs.CONNECTOR.answer("POST /api/integrations/github/authorize", 200, "{\"data\":{\"authorizationUrl\":\"" + consent + "\"}}");
        Browser browser = signedIn();
        browser.get("/ui/integrations");

        EntityExchangeResult<byte[]> result = browser.postForm("/ui/integrations/connect/github", Map.of());

        assertThat(result.getStatus().value()).isEqualTo(303);
        assertThat(result.getResponseHeaders().getLocation()).hasToString(consent);
        DownstreamStub.Received started = Stubs.CONNECTOR.receivedOn("/api/integrations/github/authorize").get(0);
        assertThat(started.method()).isEqualTo("POST");
        assertThat(started.header("Authorization")).isEqualTo("Bearer " + BrowserSessionIT.TOKEN);
    }

    @Test
    void anOAuthProviderTheHubHasNoAppForIsExplainedInWords() {
        Stubs.CONNECTOR.answer("POST /api/integrations/slack/authorize", 404, "{\"status\":404,\"code\":\"provider_not_found\"}");
        Stubs.CONNECTOR.answer("GET /api/integrations", 200, "{\"data\":[]}");
        Stubs.CONNECTOR.answer("GET /api/oauth/providers", 200, "{\"data\":[{\"provider\":\"jira\",\"name\":\"Jira\"}]}");
        Browser browser = signedIn();
        browser.get("/ui/integrations");

        assertThat(page(browser.postForm("/ui/integrations/connect/slack", Map.of()), 404))
                .contains("Slack is not set up on this hub", "Connect Jira").doesNotContain("Connect Slack");
        assertThat(page(browser.postForm("/ui/integrations/connect/dropbox", Map.of()), 404)).contains("There is no provider called that.");
        assertThat(Stubs.CONNECTOR.receivedOn("/api/integrations/dropbox/authorize")).isEmpty();
    }

    @Test
    void settingsArePatchedAtConnectorServiceAndARefusalIsShownInWords() {
        Stubs.CONNECTOR.answer("PATCH /api/integrations/" + CONNECTION, 200, "{\"data\":{\"id\":\"" + CONNECTION + "\"}}");
        Browser browser = signedIn();
        browser.get("/ui/integrations");

        assertThat(page(browser.postForm("/ui/integrations/" + CONNECTION + "/settings", Map.of("displayName", "Ops Jira",
                "projectKeys", "OPS, PROJ", "jqlFilter", "", "enabled", "on")), 200)).contains("Settings saved.");

        assertThat(Stubs.CONNECTOR.last().method()).isEqualTo("PATCH");
        assertThat(Stubs.CONNECTOR.last().bodyText()).isEqualTo(
                "{\"displayName\":\"Ops Jira\",\"projectKeys\":[\"OPS\",\"PROJ\"],\"jqlFilter\":\"\",\"pollingEnabled\":false,\"enabled\":true}");

        Stubs.CONNECTOR.answer("PATCH /api/integrations/" + CONNECTION, 400, "{\"status\":400,\"code\":\"validation_failed\","
                + "\"detail\":\"Some fields are invalid.\",\"errors\":[{\"field\":\"projectKeys\",\"message\":\"must be jira project keys like PROJ\"}]}");
        assertThat(page(browser.postForm("/ui/integrations/" + CONNECTION + "/settings", Map.of("projectKeys", "acme/api")), 200))
                .contains("Not saved: Some fields are invalid. projectKeys: must be jira project keys like PROJ");
    }

    @Test
    void aNewApiTokenIsSentButNeverShownBack() {
        Stubs.CONNECTOR.answer("PATCH /api/integrations/" + CONNECTION, 200, "{\"data\":{\"id\":\"" + CONNECTION + "\"}}");
        Browser browser = signedIn();
        browser.get("/ui/integrations");

        String html = page(browser.postForm("/ui/integrations/" + CONNECTION + "/api-token", Map.of("apiToken", "the-new-api-token")), 200);

        assertThat(html).contains("New API token saved.").doesNotContain("the-new-api-token");
        assertThat(Stubs.CONNECTOR.last().bodyText()).isEqualTo("{\"apiToken\":\"the-new-api-token\"}");
        assertThat(page(browser.postForm("/ui/integrations/" + CONNECTION + "/api-token", Map.of("apiToken", "")), 200))
                .contains("Not saved: enter the new API token.");
    }

    @Test
    void aWebhookSecretThePersonChoseIsPatchedAndNeverShownBack() {
        String chosen = "Zq3-generated-in-the-browser-xY9_kL2mN5pR8t";
        Stubs.CONNECTOR.answer("PATCH /api/integrations/" + CONNECTION, 200, "{\"data\":{\"id\":\"" + CONNECTION
                + "\",\"hasWebhookSecret\":true,\"revision\":4}}");
        Browser browser = signedIn();
        browser.get("/ui/integrations");

        String html = page(browser.postForm("/ui/integrations/" + CONNECTION + "/webhook-secret", Map.of("webhookSecret", chosen)), 200);

        assertThat(html).contains("New webhook secret saved.", "Enter the same secret in the provider&#39;s webhook settings")
                .doesNotContain(chosen).doesNotContain("<html");
        DownstreamStub.Received patched = Stubs.CONNECTOR.last();
        assertThat(patched.method()).isEqualTo("PATCH");
        assertThat(patched.pathAndQuery()).isEqualTo("/api/integrations/" + CONNECTION);
        assertThat(patched.bodyText()).isEqualTo("{\"webhookSecret\":\"" + chosen + "\"}");

        Stubs.CONNECTOR.answer("PATCH /api/integrations/" + CONNECTION, 400, "{\"status\":400,"
                + "\"code\":\"validation_failed\",\"detail\":\"Some fields are invalid.\",\"errors\":[{\"field\":\"webhookSecret\","
                + "\"message\":\"a Slack connection has no webhook secret of its own\"}]}");
        assertThat(page(browser.postForm("/ui/integrations/" + CONNECTION + "/webhook-secret", Map.of("webhookSecret", chosen)), 200))
                .contains("Not saved: Some fields are invalid. webhookSecret: a Slack connection has no webhook secret of its own")
                .doesNotContain(chosen);
    }

    @Test
    void aTooShortWebhookSecretIsRefusedInWordsWithoutAskingConnectorService() {
        Browser browser = signedIn();
        browser.get("/ui/integrations");
        int before = Stubs.CONNECTOR.received().size();

        String html = page(browser.postForm("/ui/integrations/" + CONNECTION + "/webhook-secret", Map.of("webhookSecret", "hunter2")), 200);

        assertThat(html).contains("Not saved: the webhook secret must be 24 to 256 characters long (it has 7).", "Use Generate")
                .doesNotContain("hunter2");
        assertThat(page(browser.postForm("/ui/integrations/" + CONNECTION + "/webhook-secret", Map.of()), 200))
                .contains("must be 24 to 256 characters long (it has 0)");
        assertThat(Stubs.CONNECTOR.received()).hasSize(before);
    }

    @Test
    void integrationsSayWhenThereAreNone() {
        Stubs.CONNECTOR.answer("GET /api/integrations", 200, "{\"data\":[]}");

        assertThat(page(signedIn().get("/ui/integrations"), 200)).contains("No connections yet.");
    }

    @Test
    void theOAuthRoundTripComesBackToTheIntegrationsPageWithAClearOutcome() {
        Stubs.CONNECTOR.answer("GET /api/integrations", 200, "{\"data\":[]}");
        Browser browser = signedIn();

        assertThat(page(browser.get("/ui/integrations?provider=github&status=connected&connectionId=" + CONNECTION), 200))
                .contains("GitHub is connected.");
        assertThat(page(browser.get("/ui/integrations?provider=slack&status=error&error=access_denied"), 200))
                .contains("the consent at Slack was declined").contains("role=\"alert\"");
        assertThat(page(browser.get("/ui/integrations?provider=jira&status=error&error=invalid_state"), 200))
                .contains("had expired or was already used");
        assertThat(page(browser.get("/ui/integrations?provider=unknown&status=error&error=exchange_failed"), 200))
                .contains("The provider did not complete the connection");
    }

    @Test
    void aSlackConnectionsNotificationRulesAreSavedAndATestMessageSentFromTheIntegrationsPage() {
        Stubs.CONNECTOR.answer("GET /api/integrations", 200, "{\"data\":[{\"id\":\"" + CONNECTION
                + "\",\"type\":\"slack\",\"auth\":\"oauth\",\"displayName\":\"Slack (Acme)\",\"status\":\"active\"}]}");
        Browser browser = signedIn();
        String html = page(browser.get("/ui/integrations"), 200);
        assertThat(html).contains("Task change notifications").contains("Send test message");
        assertEveryControlIsLabelled(html);

        Stubs.CONNECTOR.answer("PUT /api/integrations/" + CONNECTION + "/notifications", 200, "{\"data\":{}}");
        var rules = new org.springframework.util.LinkedMultiValueMap<String, String>();
        rules.add("channel", "#team-tasks");
        rules.add("systems", "jira");
        rules.add("projects", "PROJ, acme/api");
        rules.add("changes", "created");
        rules.add("changes", "status_changed");
        assertThat(page(browser.postForm("/ui/integrations/" + CONNECTION + "/notifications", rules), 200))
                .contains("Saved: changes go to #team-tasks.");
        assertThat(Stubs.CONNECTOR.last().bodyText()).contains("\"channel\":\"#team-tasks\"").contains("\"systems\":[\"jira\"]")
                .contains("\"projects\":[\"PROJ\",\"acme/api\"]").contains("\"changes\":[\"created\",\"status_changed\"]");

        Stubs.CONNECTOR.answer("PUT /api/integrations/" + CONNECTION + "/notifications", 400,
                "{\"detail\":\"Some fields are invalid.\",\"errors\":[{\"field\":\"channel\",\"message\":\"must be a Slack channel\"}]}");
        assertThat(page(browser.postForm("/ui/integrations/" + CONNECTION + "/notifications",
                java.util.Map.of("channel", "nope", "changes", "created")), 200))
                .contains("Not saved: Some fields are invalid. channel: must be a Slack channel");

        Stubs.CONNECTOR.answer("POST /api/integrations/" + CONNECTION + "/notifications/test", 200,
                "{\"data\":{\"sent\":true,\"channel\":\"#team-tasks\",\"error\":null}}");
        assertThat(page(browser.postForm("/ui/integrations/" + CONNECTION + "/notifications/test", java.util.Map.of()), 200))
                .contains("Test message sent to #team-tasks.");
    }

    @Test
    void connectingJiraSendsTheFormToConnectorService() {
        Stubs.CONNECTOR.answer("POST /api/integrations", 201, "{\"data\":{\"id\":\"" + CONNECTION + "\"}}");
        Browser browser = signedIn();
        browser.get("/ui/login");

        EntityExchangeResult<byte[]> result = browser.postForm("/ui/integrations", Map.of("baseUrl", "https://acme.atlassian.net",
                "email", "admin@acme.example", "apiToken", "the-api-token", "displayName", ""));

        assertThat(result.getStatus().value()).isEqualTo(303);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/ui/integrations?connected");
        DownstreamStub.Received created = Stubs.CONNECTOR.receivedOn("/api/integrations").get(0);
        assertThat(created.method()).isEqualTo("POST");
        assertThat(created.bodyText()).contains("\"type\":\"jira\"", "\"auth\":\"api_token\"", "\"baseUrl\":\"https://acme.atlassian.net\"",
                "\"apiToken\":\"the-api-token\"").doesNotContain("displayName");
    }

    @Test
    void connectingJiraShowsTheRefusalInWordsAndKeepsTheFormButNotTheToken() {
        Stubs.CONNECTOR.answer("POST /api/integrations", 400, "{\"status\":400,\"code\":\"validation_failed\",\"detail\":\"Some fields are invalid.\","
                + "\"errors\":[{\"field\":\"baseUrl\",\"message\":\"must be an https URL\"}]}");
        Stubs.CONNECTOR.answer("GET /api/integrations", 200, "{\"data\":[]}");
        Browser browser = signedIn();
        browser.get("/ui/login");

        String html = page(browser.postForm("/ui/integrations", Map.of("baseUrl", "ftp://acme", "email", "admin@acme.example",
                "apiToken", "the-api-token")), 400);

        assertThat(html).contains("Some fields are invalid.", "baseUrl: must be an https URL", "value=\"ftp://acme\"")
                .doesNotContain("the-api-token");
    }

    @Test
    void testingAConnectionShowsTheAnswer() {
        Stubs.CONNECTOR.answer("POST /api/integrations/" + CONNECTION + "/test", 200,
                "{\"data\":{\"connected\":true,\"message\":\"Connected as Site Admin.\"}}");
        Browser browser = signedIn();
        browser.get("/ui/login");

        String html = page(browser.postForm("/ui/integrations/" + CONNECTION + "/test", Map.of()), 200);

        assertThat(html).contains("Connected: Connected as Site Admin.");
    }

    @Test
    void syncNowShowsProgressThatPollsUntilTheRunHasFinished() {
        Stubs.CONNECTOR.answer("POST /api/integrations/" + CONNECTION + "/sync-now", 202, "{\"data\":{\"status\":\"queued\",\"syncRunId\":\"r1\"}}");
        Stubs.CONNECTOR.answer("GET /api/integrations/" + CONNECTION + "/sync-runs", 200,
                "{\"data\":[{\"id\":\"r1\",\"trigger\":\"manual\",\"status\":\"running\",\"pages\":2,\"itemsSeen\":200,\"itemsApplied\":150}]}");
        Browser browser = signedIn();
        browser.get("/ui/login");

        String running = page(browser.postForm("/ui/integrations/" + CONNECTION + "/sync-now", Map.of()), 200);
        assertThat(Stubs.CONNECTOR.receivedOn("/api/integrations/" + CONNECTION + "/sync-now")).hasSize(1);
        assertThat(running).contains("running", "200 seen, 150 applied", "hx-trigger=\"every 1s\"",
                "hx-get=\"/ui/integrations/" + CONNECTION + "/progress\"");

        Stubs.CONNECTOR.answer("GET /api/integrations/" + CONNECTION + "/sync-runs", 200, "{\"data\":[{\"id\":\"r1\",\"trigger\":\"manual\","
                + "\"status\":\"succeeded\",\"pages\":10,\"itemsSeen\":1000,\"itemsApplied\":1000,\"finishedAt\":\"2026-11-23T15:00:00Z\"}]}");
        String finished = page(browser.get("/ui/integrations/" + CONNECTION + "/progress"), 200);
        assertThat(finished).contains("succeeded", "1000 seen, 1000 applied").doesNotContain("hx-trigger");
    }

    @Test
    void syncHistoryListsTheRunsOrSaysThereAreNone() {
        Stubs.CONNECTOR.answer("GET /api/integrations/" + CONNECTION, 200, "{\"data\":{\"id\":\"" + CONNECTION + "\",\"displayName\":\"Acme Jira\"}}");
        Stubs.CONNECTOR.answer("GET /api/integrations/" + CONNECTION + "/sync-runs", 200, "{\"data\":[{\"id\":\"r1\",\"trigger\":\"manual\","
                + "\"status\":\"failed\",\"pages\":1,\"itemsSeen\":100,\"itemsApplied\":0,\"error\":\"Jira answered 401 to the search.\"}]}");
        Browser browser = signedIn();

        assertThat(page(browser.get("/ui/integrations/" + CONNECTION + "/runs"), 200))
                .contains("Sync history of Acme Jira", "failed", "Jira answered 401 to the search.");

        Stubs.CONNECTOR.answer("GET /api/integrations/" + CONNECTION + "/sync-runs", 200, "{\"data\":[]}");
        assertThat(page(browser.get("/ui/integrations/" + CONNECTION + "/runs"), 200)).contains("has not synced yet");
    }

    @Test
    void tasksPassTheFiltersAndPageToSyncWorker() {
        Stubs.TASKS.answer("GET /api/external-tasks", 200, "{\"data\":[{\"id\":\"" + TASK + "\",\"system\":\"jira\",\"key\":\"PROJ-7\","
                + "\"title\":\"Add webhook retries\",\"status\":\"In Review\",\"assignee\":{\"displayName\":\"Grace Hopper\"}}],"
                + "\"page\":{\"number\":1,\"size\":25,\"totalElements\":60,\"totalPages\":3}}");
        Browser browser = signedIn();

        String html = page(browser.get("/ui/tasks?system=jira&status=In Review&mapped=false&page=1"), 200);

        assertThat(Stubs.TASKS.last().pathAndQuery()).startsWith("/api/external-tasks?")
                .contains("size=25", "system=jira", "status=In%20Review", "mapped=false", "page=1");
        assertThat(html).contains("<option value=\"false\" selected=\"selected\">Not mapped yet</option>");
        assertThat(html).contains("PROJ-7", "Add webhook retries", "Grace Hopper", "href=\"/ui/tasks/" + TASK + "\"",
                "Page 2 of 3 (60 tasks)", "Previous page", "Next page");
        assertEveryControlIsLabelled(html);
    }

    @Test
    void tasksSayWhenNoneMatch() {
        Stubs.TASKS.answer("GET /api/external-tasks", 200, "{\"data\":[],\"page\":{\"number\":0,\"size\":25,\"totalElements\":0,\"totalPages\":0}}");

        assertThat(page(signedIn().get("/ui/tasks?status=Nope"), 200)).contains("No tasks match.").contains("value=\"Nope\"");
    }

    @Test
    void aTaskShowsItsProvenanceAndTheRawPayloadPrettyPrintedAndEscaped() {
        Stubs.TASKS.answer("GET /api/external-tasks/" + TASK, 200, "{\"data\":{\"task\":{\"id\":\"" + TASK + "\",\"system\":\"jira\","
                + "\"key\":\"PROJ-7\",\"title\":\"Add webhook retries\",\"status\":\"In Review\",\"labels\":[\"backend\"],\"version\":3},"
                + "\"provenance\":{\"source\":\"webhook\",\"staleCount\":2,\"lastStaleReason\":\"older_version\"},"
                + "\"rawPayload\":\"{\\\"key\\\":\\\"PROJ-7\\\",\\\"fields\\\":{\\\"summary\\\":\\\"<b>retries</b>\\\"}}\"}}");
        Browser browser = signedIn();

        String html = page(browser.get("/ui/tasks/" + TASK), 200);

        assertThat(html).contains("PROJ-7", "Add webhook retries", "webhook", "2 (last: older_version", "backend",
                "&quot;fields&quot; : {\n", "&lt;b&gt;retries&lt;/b&gt;").doesNotContain("<b>retries</b>");
    }

    @Test
    void anUnknownTaskIsAPageInWordsNotAStackTrace() {
        Stubs.TASKS.answer("GET /api/external-tasks/" + TASK, 404, "{\"status\":404,\"code\":\"external_task_not_found\"}");

        String html = page(signedIn().get("/ui/tasks/" + TASK), 404);

        assertThat(html).contains("There is nothing here").doesNotContain("Exception", "at org.");
    }

    @Test
    void aTokenTheServicesNoLongerAcceptSendsThePersonToSignInAgain() {
        Stubs.CONNECTOR.answer("GET /api/integrations", 401, "{\"status\":401,\"code\":\"unauthorized\"}");
        Browser browser = signedIn();

        EntityExchangeResult<byte[]> result = browser.get("/ui/integrations");

        assertThat(result.getStatus().value()).isEqualTo(303);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/ui/login?expired");
        assertThat(browser.cookies()).doesNotContainKey("HUB_SESSION");
    }

    @Test
    void invitingAColleagueShowsTheSignUpLinkOnce() {
        Stubs.AUTH.answer("POST /api/auth/invitations", 201, "{\"data\":{\"id\":\"i1\",\"invitationToken\":\"inv-123\","
                + "\"email\":\"grace@example.com\",\"role\":\"member\",\"expiresAt\":\"2026-11-30T12:00:00Z\"}}");
        Browser browser = signedIn();
        assertEveryControlIsLabelled(page(browser.get("/ui/team"), 200));

        String html = page(browser.postForm("/ui/invitations", Map.of("email", "grace@example.com", "role", "member")), 200);

        assertThat(Stubs.AUTH.last().header("Authorization")).isEqualTo("Bearer " + BrowserSessionIT.TOKEN);
        assertThat(Stubs.AUTH.last().bodyText()).contains("\"email\":\"grace@example.com\"", "\"role\":\"member\"");
        assertThat(html).contains("for grace@example.com as member", "/ui/signup?invitation=inv-123");
        assertEveryControlIsLabelled(html);
    }

    @Test
    void aMemberWhoMayNotInviteIsToldSo() {
        Stubs.AUTH.answer("POST /api/auth/invitations", 403, "{\"status\":403,\"code\":\"forbidden\"}");
        Browser browser = signedIn();
        browser.get("/ui/team");

        assertThat(page(browser.postForm("/ui/invitations", Map.of("role", "admin")), 403))
                .contains("Only an administrator of your organisation can invite colleagues.");
    }

    @Test
    void signingUpWithAnInvitationJoinsTheInvitingOrganisation() {
        Browser browser = new Browser(port);
        String form = page(browser.get("/ui/signup?invitation=inv-123"), 200);
        assertThat(form).contains("name=\"invitationToken\" value=\"inv-123\"").doesNotContain("organisationName");

        browser.postForm("/ui/signup", Map.of("email", "grace@example.com", "password", "correct horse battery staple",
                "invitationToken", "inv-123"));

        assertThat(Stubs.AUTH.last().bodyText()).contains("\"invitationToken\":\"inv-123\"").doesNotContain("organisationName");
    }

    @Test
    void peopleListsTheMappingsOrSaysThereAreNone() {
        Stubs.MAPPINGS.answer("GET /api/external-user-mappings", 200, "{\"data\":[{\"id\":\"" + TASK + "\",\"externalSystem\":\"github\","
                + "\"externalUserId\":\"octocat\",\"externalEmail\":\"octocat@github.com\",\"resourceId\":\"" + CONNECTION + "\",\"version\":1}],"
                + "\"page\":{\"number\":0,\"size\":50,\"totalElements\":1,\"totalPages\":1}}");
        Browser browser = signedIn();

        String html = page(browser.get("/ui/people"), 200);

        assertThat(Stubs.MAPPINGS.last().pathAndQuery()).isEqualTo("/api/external-user-mappings?page=0&size=50");
        assertThat(html).contains("octocat@github.com", CONNECTION, "Delete the mapping of octocat");
        assertEveryControlIsLabelled(html);

        Stubs.MAPPINGS.answer("GET /api/external-user-mappings", 200, "{\"data\":[],\"page\":{\"number\":0,\"size\":50,\"totalElements\":0,\"totalPages\":0}}");
        assertThat(page(browser.get("/ui/people"), 200)).contains("No mappings yet.");
    }

    @Test
    void addingAMappingSendsItToMappingServiceAndShowsARefusalInWords() {
        Stubs.MAPPINGS.answer("POST /api/external-user-mappings", 201, "{\"data\":{\"id\":\"" + TASK + "\"}}");
        Browser browser = signedIn();
        browser.get("/ui/people");

        EntityExchangeResult<byte[]> added = browser.postForm("/ui/people", Map.of("externalSystem", "jira", "externalUserId", "acc-1",
                "externalEmail", "", "resourceId", CONNECTION));
        assertThat(added.getStatus().value()).isEqualTo(303);
        assertThat(added.getResponseHeaders().getLocation()).hasToString("/ui/people?added");
        assertThat(Stubs.MAPPINGS.receivedOn("/api/external-user-mappings").stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow().bodyText())
                .contains("\"externalSystem\":\"jira\"", "\"externalUserId\":\"acc-1\"", "\"resourceId\":\"" + CONNECTION + "\"")
                .doesNotContain("externalEmail");

        Stubs.MAPPINGS.answer("POST /api/external-user-mappings", 409, "{\"status\":409,\"code\":\"mapping_exists\","
                + "\"detail\":\"This user id is already mapped in this organisation and system.\"}");
        String refused = page(browser.postForm("/ui/people", Map.of("externalSystem", "jira", "externalUserId", "acc-1",
                "resourceId", CONNECTION)), 409);
        assertThat(refused).contains("This user id is already mapped in this organisation and system.", "value=\"acc-1\"");
    }

    @Test
    void deletingAMappingAsksMappingService() {
        Stubs.MAPPINGS.answer("DELETE /api/external-user-mappings/" + TASK, 204, "");
        Browser browser = signedIn();
        browser.get("/ui/people");

        EntityExchangeResult<byte[]> deleted = browser.postForm("/ui/people/" + TASK + "/delete", Map.of());

        assertThat(deleted.getResponseHeaders().getLocation()).hasToString("/ui/people?deleted");
        assertThat(Stubs.MAPPINGS.receivedOn("/api/external-user-mappings/" + TASK)).extracting(DownstreamStub.Received::method).containsExactly("DELETE");
    }

    @Test
    void aTaskOffersToMapItsUnmappedAssigneeWithTheFormPrefilled() {
        Stubs.TASKS.answer("GET /api/external-tasks/" + TASK, 200, "{\"data\":{\"task\":{\"id\":\"" + TASK + "\",\"system\":\"jira\","
                + "\"key\":\"PROJ-7\",\"title\":\"T\",\"assignee\":{\"externalUserId\":\"acc-1\",\"email\":\"grace@example.com\","
                + "\"displayName\":\"Grace\"},\"resourceId\":null},\"provenance\":{\"source\":\"poll\",\"staleCount\":0},\"rawPayload\":null}}");
        Browser browser = signedIn();

        String task = page(browser.get("/ui/tasks/" + TASK), 200);
        Matcher link = Pattern.compile("href=\"(/ui/people\\?[^\"]+)\">Map this assignee").matcher(task);
        assertThat(link.find()).as(task).isTrue();

        String people = page(browser.get(link.group(1).replace("&amp;", "&").replace("%40", "@")), 200);
        assertThat(people).contains("value=\"acc-1\"", "value=\"grace@example.com\"", "<option value=\"jira\" selected=\"selected\">");
    }

    @Test
    void disconnectingAsksFirstThenDeletesTheConnection() {
        Stubs.CONNECTOR.answer("GET /api/integrations/" + CONNECTION, 200, "{\"data\":{\"id\":\"" + CONNECTION + "\",\"displayName\":\"Acme Jira\"}}");
        Stubs.CONNECTOR.answer("DELETE /api/integrations/" + CONNECTION, 204, "");
        Browser browser = signedIn();

        String confirm = page(browser.get("/ui/integrations/" + CONNECTION + "/disconnect"), 200);
        assertThat(confirm).contains("Disconnect Acme Jira?", "action=\"/ui/integrations/" + CONNECTION + "/disconnect\"", "Cancel");
        assertThat(Stubs.CONNECTOR.received()).extracting(DownstreamStub.Received::method).doesNotContain("DELETE");

        EntityExchangeResult<byte[]> done = browser.postForm("/ui/integrations/" + CONNECTION + "/disconnect", Map.of());
        assertThat(done.getResponseHeaders().getLocation()).hasToString("/ui/integrations?disconnected");
        assertThat(Stubs.CONNECTOR.last().method()).isEqualTo("DELETE");
        assertThat(Stubs.CONNECTOR.last().pathAndQuery()).isEqualTo("/api/integrations/" + CONNECTION);
    }

    @Test
    void makingAConnectionPrimaryAsksConnectorService() {
        Browser browser = signedIn();
        browser.get("/ui/login");

        EntityExchangeResult<byte[]> done = browser.postForm("/ui/integrations/" + CONNECTION + "/primary", Map.of());

        assertThat(done.getResponseHeaders().getLocation()).hasToString("/ui/integrations");
        assertThat(Stubs.CONNECTOR.last().method()).isEqualTo("POST");
        assertThat(Stubs.CONNECTOR.last().pathAndQuery()).isEqualTo("/api/integrations/" + CONNECTION + "/primary");
    }
}
