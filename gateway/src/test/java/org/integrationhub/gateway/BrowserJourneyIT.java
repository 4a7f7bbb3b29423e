package org.integrationhub.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.integrationhub.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real headless Chromium (Debian's chromium and chromedriver) walks the UI against stubbed
 * services: sign in, watch a sync's progress update through htmx without a reload, generate and save a webhook
 * secret (the browser refuses one too short), open a task's raw payload, disconnect after confirming, sign out;
 * with no console error (a CSP violation would be one). Screenshots go to
 * {@code target/screenshots}. Skips, saying so, when chromium or chromedriver is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyIT {

    private static final String CONNECTION = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f";
    private static final String TASK = "0b6e1a52-5f7e-4c57-9a34-8c1d2e3f4a5b";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    private int port;

    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        Stubs.register(registry);
    }

    @BeforeEach
    void startChromium() {
        chromium = HeadlessChromium.startOrSkip("BrowserJourneyIT", SCREENSHOTS);
        browser = chromium.driver();

        Stubs.resetAll();
        Stubs.AUTH.answer("POST /api/auth/login", 200, "{\"data\":{\"accessToken\":\"" + BrowserSessionIT.TOKEN
                + "\",\"expiresAt\":\"" + Instant.now().plus(15, ChronoUnit.MINUTES) + "\"}}");
        Stubs.CONNECTOR.answer("GET /api/integrations", 200, "{\"data\":[{\"id\":\"" + CONNECTION + "\",\"type\":\"jira\","
                + "\"displayName\":\"Acme Jira\",\"baseUrl\":\"https://acme.atlassian.net\",\"primary\":true,\"status\":\"active\",\"errorCount\":0}]}");
        Stubs.CONNECTOR.answer("GET /api/integrations/" + CONNECTION + "/sync-runs", 200, "{\"data\":[]}");
        Stubs.CONNECTOR.answer("GET /api/oauth/providers", 200, UiPagesIT.ALL_FOUR_PROVIDERS);
        Stubs.CONNECTOR.answer("POST /api/integrations/" + CONNECTION + "/sync-now", 202, "{\"data\":{\"status\":\"queued\",\"syncRunId\":\"r1\"}}");
        Stubs.TASKS.answer("GET /api/external-tasks", 200, "{\"data\":[{\"id\":\"" + TASK + "\",\"system\":\"jira\",\"key\":\"PROJ-7\","
                + "\"title\":\"Add webhook retries\",\"status\":\"In Review\"}],\"page\":{\"number\":0,\"size\":25,\"totalElements\":1,\"totalPages\":1}}");
        Stubs.TASKS.answer("GET /api/external-tasks/" + TASK, 200, "{\"data\":{\"task\":{\"id\":\"" + TASK + "\",\"connectionId\":\"" + CONNECTION
                + "\",\"system\":\"jira\",\"externalId\":\"10007\",\"key\":\"PROJ-7\",\"title\":\"Add webhook retries\",\"status\":\"In Review\","
                + "\"statusCategory\":\"indeterminate\",\"kind\":\"issue\",\"assignee\":{\"externalUserId\":\"5b10ac8d82e05b22cc7d4ef5\","
                + "\"email\":\"grace@acme.example\",\"displayName\":\"Grace Hopper\"},\"resourceId\":null,\"projectKey\":\"PROJ\","
                + "\"labels\":[\"backend\",\"webhooks\"],\"url\":\"https://acme.atlassian.net/browse/PROJ-7\","
                + "\"sourceCreatedAt\":\"2026-11-02T09:12:00Z\",\"sourceUpdatedAt\":\"2026-11-23T14:40:00Z\",\"deleted\":false,\"version\":3},"
                + "\"provenance\":{\"lastEventId\":\"4d7c9e0a-2b1f-4c3d-9e8f-7a6b5c4d3e2f\",\"source\":\"webhook\","
                + "\"sourceUpdatedAt\":\"2026-11-23T14:40:00Z\",\"contentHash\":\"9f2c…e41a\",\"staleCount\":1,"
                + "\"lastStaleReason\":\"older_version\",\"lastStaleAt\":\"2026-11-23T14:41:07Z\"},"
                + "\"rawPayload\":\"{\\\"id\\\":\\\"10007\\\",\\\"key\\\":\\\"PROJ-7\\\",\\\"fields\\\":{\\\"summary\\\":"
                + "\\\"Add webhook retries\\\",\\\"status\\\":{\\\"name\\\":\\\"In Review\\\"},\\\"labels\\\":[\\\"backend\\\","
                + "\\\"webhooks\\\"],\\\"assignee\\\":{\\\"accountId\\\":\\\"5b10ac8d82e05b22cc7d4ef5\\\",\\\"displayName\\\":"
                + "\\\"Grace Hopper\\\"}}}\"}}");
        Stubs.CONNECTOR.answer("GET /api/integrations/" + CONNECTION, 200, "{\"data\":{\"id\":\"" + CONNECTION + "\",\"displayName\":\"Acme Jira\"}}");
        Stubs.CONNECTOR.answer("DELETE /api/integrations/" + CONNECTION, 204, "");
        Stubs.TASKS.answer("GET /api/external-tasks/stats", 200, "{\"data\":{\"total\":1,\"byStatus\":[{\"value\":\"In Review\",\"count\":1}],"
                + "\"bySystem\":[{\"value\":\"jira\",\"count\":1}],\"byConnection\":[{\"connectionId\":\"" + CONNECTION
                + "\",\"system\":\"jira\",\"count\":1}],\"assignment\":{\"mapped\":0,\"unmapped\":1,\"unassigned\":0}}}");
        Stubs.CONNECTOR.answer("GET /api/integrations/sync-activity", 200, "{\"data\":{\"from\":\"2026-11-22\",\"to\":\"2026-11-23\","
                + "\"days\":[{\"day\":\"2026-11-22\",\"runs\":2,\"succeeded\":1,\"failed\":1,\"active\":0,\"itemsSeen\":200},"
                + "{\"day\":\"2026-11-23\",\"runs\":1,\"succeeded\":1,\"failed\":0,\"active\":0,\"itemsSeen\":1000}]}}");
        Stubs.WEBHOOKS.answer("GET /api/webhooks/stats", 200, "{\"data\":{\"since\":\"2026-11-23T08:00:00Z\",\"counts\":"
                + "[{\"provider\":\"jira\",\"outcome\":\"accepted\",\"deliveries\":12}]}}");
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aPersonSignsInWatchesASyncFinishOpensATasksPayloadDisconnectsAndSignsOut() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/ui/login");
        browser.findElement(By.id("email")).sendKeys("ada@example.com");
        browser.findElement(By.id("password")).sendKeys("correct horse battery staple");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();

        await("the overview page").atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/ui/overview"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("1 tasks", "Sync activity", "accepted");
        screenshot("overview");
        browser.findElement(By.linkText("Integrations")).click();
        await("the integrations page").atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/ui/integrations"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Acme Jira", "active");
        await("the latest run loaded by htmx").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.findElement(By.id("progress-" + CONNECTION)).getText().contains("Never synced."));
        assertThat(browser.manage().getCookieNamed("HUB_SESSION")).as("HttpOnly cookies are not readable by scripts, but the driver sees them")
                .satisfies(cookie -> assertThat(cookie.isHttpOnly()).isTrue());

        Stubs.CONNECTOR.answer("GET /api/integrations/" + CONNECTION + "/sync-runs", 200,
                "{\"data\":[{\"id\":\"r1\",\"status\":\"running\",\"pages\":1,\"itemsSeen\":100,\"itemsApplied\":40}]}");
        // htmx replaces the progress element while it polls, so a found element may go stale: the waits retry
        browser.findElement(By.cssSelector("button[aria-label='Sync now Acme Jira']")).click();
        await("progress shows the running run").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.findElement(By.id("progress-" + CONNECTION)).getText().contains("100 seen, 40 applied"));
        screenshot("integrations-syncing");
        Stubs.CONNECTOR.answer("GET /api/integrations/" + CONNECTION + "/sync-runs", 200, "{\"data\":[{\"id\":\"r1\",\"status\":\"succeeded\","
                + "\"pages\":10,\"itemsSeen\":1000,\"itemsApplied\":1000,\"finishedAt\":\"2026-11-23T15:00:00Z\"}]}");
        await("progress updates without a reload until the run succeeded").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.findElement(By.id("progress-" + CONNECTION)).getText().contains("succeeded: 1000 seen, 1000 applied"));
        assertThat(browser.getCurrentUrl()).endsWith("/ui/integrations");

        // copy.js reveals the copy buttons (hidden without script) and copies the webhook URL
        var copy = browser.findElement(By.cssSelector("button.copy[data-copy='webhook-" + CONNECTION + "']"));
        assertThat(copy.isDisplayed()).isTrue();
        copy.click();
        await("the copy button says it copied").atMost(Duration.ofSeconds(5)).until(() -> copy.getText().equals("Copied"));

        // a new webhook secret, generated in the browser (copy.js, crypto.getRandomValues), sent once in the PATCH, never shown back
        Stubs.CONNECTOR.answer("PATCH /api/integrations/" + CONNECTION, 200, "{\"data\":{\"id\":\"" + CONNECTION
                + "\",\"hasWebhookSecret\":true,\"revision\":2}}");
        browser.findElement(By.cssSelector("details.settings summary")).click();
        var secretField = browser.findElement(By.id("secret-" + CONNECTION));
        assertThat(secretField.getAttribute("type")).isEqualTo("password");
        secretField.sendKeys("too-short");
        browser.findElement(By.cssSelector("button[aria-label='Save the new webhook secret of Acme Jira']")).click();
        assertThat(secretField.getAttribute("validationMessage")).as("the browser refuses a short secret in words").isNotBlank();
        assertThat(Stubs.CONNECTOR.received()).extracting(DownstreamStub.Received::method).doesNotContain("PATCH");

        var copySecret = browser.findElement(By.cssSelector("button.copy[data-copy='secret-" + CONNECTION + "']"));
        assertThat(copySecret.isDisplayed()).as("nothing to copy before Generate").isFalse();
        assertThat(browser.findElement(By.cssSelector("button.copy[data-copy='webhookSecret']")).isDisplayed())
                .as("nor in the connect-with-an-API-token form, whose buttons are laid out as blocks").isFalse();
        browser.findElement(By.cssSelector("button[aria-label='Generate a webhook secret for Acme Jira']")).click();
        String generated = secretField.getAttribute("value");
        assertThat(generated).as("32 random bytes, base64url").matches("[A-Za-z0-9_-]{43}");
        assertThat(secretField.getAttribute("type")).as("shown, to be entered at the provider").isEqualTo("text");
        assertThat(copySecret.isDisplayed()).isTrue();
        copySecret.click();
        await("the secret's copy button says it copied").atMost(Duration.ofSeconds(5)).until(() -> copySecret.getText().equals("Copied"));
        browser.findElement(By.cssSelector("button[aria-label='Save the new webhook secret of Acme Jira']")).click();
        await("the secret is saved").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.findElement(By.id("settings-" + CONNECTION)).getText().contains("New webhook secret saved."));
        DownstreamStub.Received patched = Stubs.CONNECTOR.receivedOn("/api/integrations/" + CONNECTION).stream()
                .filter(r -> r.method().equals("PATCH")).findFirst().orElseThrow();
        assertThat(patched.bodyText()).isEqualTo("{\"webhookSecret\":\"" + generated + "\"}");
        assertThat(browser.findElement(By.id("settings-" + CONNECTION)).getText()).doesNotContain(generated);
        screenshot("integrations-new-webhook-secret");

        browser.findElement(By.linkText("Tasks")).click();
        browser.findElement(By.linkText("PROJ-7")).click();
        await("the task's page").atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/ui/tasks/" + TASK));
        assertThat(browser.findElement(By.cssSelector("pre.raw")).getText()).contains("\"fields\" : {");
        screenshot("task-detail");

        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Grace Hopper", "Map this assignee", "older_version");

        browser.findElement(By.linkText("Integrations")).click();
        browser.findElement(By.linkText("Disconnect")).click();
        await("the confirmation").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.findElement(By.tagName("h1")).getText().equals("Disconnect Acme Jira?"));
        assertThat(Stubs.CONNECTOR.received()).extracting(DownstreamStub.Received::method).doesNotContain("DELETE");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        await("disconnected").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.getCurrentUrl().endsWith("/ui/integrations?disconnected"));
        assertThat(Stubs.CONNECTOR.received()).extracting(DownstreamStub.Received::method).contains("DELETE");

        browser.findElement(By.cssSelector("form.signout button")).click();
        await("signed out").atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/ui/login?signedOut"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("You are signed out.");
        browser.get("http://localhost:" + port + "/ui/integrations");
        assertThat(browser.getCurrentUrl()).endsWith("/ui/login");

        assertThat(chromium.consoleWarningsAndErrors()).as("console errors and warnings (CSP violations among them)").isEmpty();
    }

    @Test
    void anOperatorUsesTheOperatorAndPeoplePagesOnANarrowScreenWithTheKeyboard() {
        Stubs.AUTH.answer("POST /api/auth/login", 200, "{\"data\":{\"accessToken\":\"" + OpsPageIT.OPS_TOKEN
                + "\",\"expiresAt\":\"" + Instant.now().plus(15, ChronoUnit.MINUTES) + "\"}}");
        Stubs.TASKS.answer("GET /api/ops/health", 404, "{\"status\":404}");
        Stubs.TASKS.answer("GET /api/ops/lag", 200, "{\"data\":{\"at\":\"2026-11-23T10:00:00Z\",\"lag\":[{\"group\":\"sync-worker.apply\","
                + "\"topic\":\"integration.task-observations\",\"partition\":0,\"committed\":5,\"end\":8,\"lag\":3}],"
                + "\"deadLetters\":[{\"topic\":\"integration.task-observations-dlt\",\"records\":1}]}}");
        Stubs.TASKS.answer("GET /api/ops/dead-letters", 200, "{\"data\":[{\"dltTopic\":\"integration.task-observations-dlt\",\"partition\":0,"
                + "\"offset\":3,\"key\":\"org:jira:10007\",\"originalTopic\":\"integration.task-observations\",\"originalPartition\":0,"
                + "\"originalOffset\":7,\"deadLetteredAt\":\"2026-11-23T10:00:00Z\",\"reason\":\"value too long\",\"handled\":null}]}");
        Stubs.TASKS.answer("GET /api/ops/replays", 200, "{\"data\":[]}");
        Stubs.TASKS.answer("GET /api/external-tasks/assignees", 200, "{\"data\":[{\"system\":\"jira\",\"externalUserId\":\"acc-1\","
                + "\"displayName\":\"Grace Hopper\",\"taskCount\":7,\"mapped\":false}]}");
        Stubs.MAPPINGS.answer("GET /api/external-user-mappings", 200, "{\"data\":[],\"page\":{\"number\":0,\"size\":50,\"totalElements\":0,\"totalPages\":0}}");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(400, 900));
        browser.get("http://localhost:" + port + "/ui/login");
        browser.findElement(By.id("email")).sendKeys("ada@example.com");
        browser.findElement(By.id("password")).sendKeys("correct horse battery staple", org.openqa.selenium.Keys.ENTER);
        await("the overview page").atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/ui/overview"));

        browser.findElement(By.linkText("Operations")).click();
        await("the operator page").atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/ui/ops"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("sync-worker.apply", "value too long", "No replays");
        assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth")).as("no sideways scrolling of the page").isLessThanOrEqualTo(0L);
        screenshot("ops-narrow");

        browser.get("http://localhost:" + port + "/ui/people");
        var resource = browser.findElement(By.id("map-0"));
        resource.sendKeys("6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f");
        resource.sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).as("the Map button follows its field").isEqualTo("Map");
        assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth")).as("no sideways scrolling of the page").isLessThanOrEqualTo(0L);
        screenshot("people-narrow");
        Stubs.MAPPINGS.answer("POST /api/external-user-mappings", 201, "{\"data\":{}}");
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        await("mapped").atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/ui/people?added"));
        assertThat(Stubs.MAPPINGS.receivedOn("/api/external-user-mappings").stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow()
                .bodyText()).contains("\"externalUserId\":\"acc-1\"", "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f");

        assertThat(chromium.consoleWarningsAndErrors()).as("console errors and warnings (CSP violations among them)").isEmpty();
    }

    private void screenshot(String name) {
        chromium.screenshot(name);
    }
}
