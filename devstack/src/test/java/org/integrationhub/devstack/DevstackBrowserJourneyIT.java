package org.integrationhub.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.integrationhub.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 11's journey of a new user, in a real headless Chromium, on the whole devstack with the
 * provider sandbox: sign up → connect Jira through the sandbox's OAuth consent → sync now and
 * watch the progress finish → find a task and open its raw payload → map its assignee → see the
 * mapping on the task → disconnect; no console error or warning on any page (the sandbox's consent
 * page included). Screenshots in {@code devstack/target/screenshots}. Skips, saying so, without
 * chromium and chromedriver. Shares the devstack with DevstackIT ({@link SharedDevstack}).
 */
@ExtendWith(SharedDevstack.class)
class DevstackBrowserJourneyIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PAGE = Duration.ofSeconds(20);

    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void startChromium() {
        chromium = HeadlessChromium.startOrSkip("DevstackBrowserJourneyIT", SCREENSHOTS);
        browser = chromium.driver();
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aNewUserConnectsJiraThroughOAuthSyncsMapsAnAssigneeAndDisconnects(RunningDevstack devstack) {
        String gateway = devstack.url("gateway");
        String email = "journey-" + UUID.randomUUID() + "@example.com";
        String password = "correct horse battery staple";

        browser.get(gateway + "/ui/signup");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("organisationName")).sendKeys("Journey Ltd");
        submit("main form button[type=submit]");
        awaitUrl("the sign-in page after signing up", "/ui/login?registered");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        submit("main form button[type=submit]");
        awaitUrl("the overview, where signing in leads", "/ui/overview");
        chromium.screenshot("overview-empty");
        browser.findElement(By.cssSelector("nav a[href='/ui/integrations']")).click();
        awaitUrl("the integrations page", "/ui/integrations");
        assertThat(text()).contains("No connections yet.");

        String connectionId = connectJiraThroughTheSandboxsConsent(devstack);
        syncNowAndWatchTheProgressFinish(connectionId);
        String taskUrl = findATaskWithAnAssigneeAndOpenItsRawPayload(gateway, connectionId);
        String resourceId = mapItsAssignee();
        seeTheMappingOnTheTask(taskUrl, resourceId);
        browser.get(gateway + "/ui/overview");
        awaitUrl("the overview after the sync", "/ui/overview");
        assertThat(text()).as("the overview counts the synced tasks").doesNotContain("No tasks yet");
        chromium.screenshot("overview");
        disconnect(gateway, connectionId);

        assertThat(chromium.consoleWarningsAndErrors()).as("console errors and warnings on any page (CSP violations among them)").isEmpty();
    }

    private String connectJiraThroughTheSandboxsConsent(RunningDevstack devstack) {
        submit("form[action='/ui/integrations/connect/jira'] button");
        awaitUrl("the sandbox's Atlassian consent page", devstack.url("provider-sandbox") + "/atlassian/auth/authorize");
        chromium.screenshot("sandbox-consent");
        submit("button[name=decision][value=accept]");
        awaitUrl("back on the integrations page, connected", "status=connected");
        Matcher id = Pattern.compile("connectionId=([0-9a-f-]{36})").matcher(browser.getCurrentUrl());
        assertThat(id.find()).as(browser.getCurrentUrl()).isTrue();
        assertThat(text()).contains("Jira is connected.");
        return id.group(1);
    }

    private void syncNowAndWatchTheProgressFinish(String connectionId) {
        submit("form[action='/ui/integrations/" + connectionId + "/sync-now'] button");
        // htmx replaces the progress element every second while the run lasts: the waits retry stale elements
        await("progress shows the run").atMost(PAGE).ignoreExceptions()
                .until(() -> browser.findElement(By.id("progress-" + connectionId)).getText().contains(" seen, "));
        await("progress updates without a reload until the run succeeded").atMost(Duration.ofMinutes(3)).ignoreExceptions()
                .until(() -> browser.findElement(By.id("progress-" + connectionId)).getText().startsWith("succeeded"));
        assertThat(browser.getCurrentUrl()).contains("/ui/integrations");
        chromium.screenshot("integrations");
    }

    private String findATaskWithAnAssigneeAndOpenItsRawPayload(String gateway, String connectionId) {
        await("the apply stage has every issue as a task").atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> {
            browser.get(gateway + "/ui/tasks?connectionId=" + connectionId);
            return text().contains("(1000 tasks)");
        });
        List<String> tasks = browser.findElements(By.cssSelector("main a[href^='/ui/tasks/']")).stream()
                .map(link -> link.getAttribute("href")).toList();
        assertThat(tasks).isNotEmpty();
        for (String task : tasks) {
            browser.get(task);
            if (!browser.findElements(By.linkText("Map this assignee")).isEmpty()) {
                assertThat(browser.findElement(By.cssSelector("pre.raw")).getText()).contains("\"fields\"", "\"assignee\"");
                chromium.screenshot("task-detail");
                return task;
            }
        }
        throw new AssertionError("none of the first page's tasks has an unmapped assignee: " + tasks);
    }

    private String mapItsAssignee() {
        browser.findElement(By.linkText("Map this assignee")).click();
        awaitUrl("the people page with the form prefilled", "/ui/people?");
        assertThat(browser.findElement(By.id("externalUserId")).getAttribute("value")).isNotBlank();
        String resourceId = UUID.randomUUID().toString();
        browser.findElement(By.id("resourceId")).sendKeys(resourceId);
        submit("form[action='/ui/people'] button[type=submit]");
        await("the mapping is listed").atMost(PAGE).ignoreExceptions().until(() -> text().contains(resourceId));
        return resourceId;
    }

    private void seeTheMappingOnTheTask(String taskUrl, String resourceId) {
        // mapping-service announces the mapping; sync-worker re-resolves the organisation's tasks with that assignee
        await("the task shows its assignee mapped").atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
            browser.get(taskUrl);
            return text().contains(resourceId);
        });
        assertThat(browser.findElements(By.linkText("Map this assignee"))).isEmpty();
        chromium.screenshot("task-detail-mapped");
    }

    private void disconnect(String gateway, String connectionId) {
        browser.get(gateway + "/ui/integrations");
        browser.findElement(By.cssSelector("a[href='/ui/integrations/" + connectionId + "/disconnect']")).click();
        await("the confirmation").atMost(PAGE).ignoreExceptions()
                .until(() -> browser.findElement(By.tagName("h1")).getText().startsWith("Disconnect "));
        submit("main form button[type=submit]");
        awaitUrl("disconnected", "/ui/integrations?disconnected");
        assertThat(text()).contains("Disconnected.", "No connections yet.");
    }

    private void submit(String css) {
        WebElement button = browser.findElement(By.cssSelector(css));
        button.click();
    }

    /** Waits for the browser to be at an address containing {@code part}; if it never is, says where it is and what it shows. */
    private void awaitUrl(String what, String part) {
        try {
            await(what).atMost(PAGE).ignoreExceptions().until(() -> browser.getCurrentUrl().contains(part));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            chromium.screenshot("failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError(what + ": expected an address containing " + part + ", the browser is at " + browser.getCurrentUrl()
                    + " showing:\n" + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private String text() {
        return browser.findElement(By.tagName("main")).getText();
    }
}
