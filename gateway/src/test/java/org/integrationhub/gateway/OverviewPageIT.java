package org.integrationhub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The Overview page: task counts, the sync activity chart and webhook deliveries, each with its empty state and failure. */
class OverviewPageIT extends UiPageTest {

    private static final String CONNECTION = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f";

    private static String activity(long... runsPerDay) {
        StringBuilder days = new StringBuilder();
        LocalDate day = LocalDate.of(2026, 11, 10);
        for (int i = 0; i < runsPerDay.length; i++) {
            days.append(i == 0 ? "" : ",").append("{\"day\":\"").append(day.plusDays(i)).append("\",\"runs\":").append(runsPerDay[i])
                    .append(",\"succeeded\":").append(runsPerDay[i] / 2).append(",\"failed\":").append(runsPerDay[i] - runsPerDay[i] / 2)
                    .append(",\"active\":0,\"itemsSeen\":").append(runsPerDay[i] * 100).append("}");
        }
        return "{\"data\":{\"from\":\"2026-11-10\",\"to\":\"" + day.plusDays(runsPerDay.length - 1) + "\",\"days\":[" + days + "]}}";
    }

    @Test
    void landsHereAfterSignInAndShowsTasksActivityAndWebhooks() {
        Stubs.TASKS.answer("GET /api/external-tasks/stats", 200, "{\"data\":{\"total\":12,\"byStatus\":[{\"value\":\"To Do\",\"count\":9},"
                + "{\"value\":\"Done\",\"count\":3}],\"bySystem\":[{\"value\":\"jira\",\"count\":12}],\"byConnection\":[{\"connectionId\":\""
                + CONNECTION + "\",\"system\":\"jira\",\"count\":12}],\"assignment\":{\"mapped\":5,\"unmapped\":4,\"unassigned\":3}}}");
        Stubs.CONNECTOR.answer("GET /api/integrations", 200, "{\"data\":[{\"id\":\"" + CONNECTION + "\",\"type\":\"jira\",\"displayName\":\"Acme <Jira>\"}]}");
        Stubs.CONNECTOR.answer("GET /api/integrations/sync-activity", 200, activity(0, 4, 2));
        Stubs.WEBHOOKS.answer("GET /api/webhooks/stats", 200, "{\"data\":{\"since\":\"2026-11-23T08:00:00Z\",\"counts\":["
                + "{\"provider\":\"github\",\"outcome\":\"accepted\",\"deliveries\":41},{\"provider\":\"github\",\"outcome\":\"unauthorized\",\"deliveries\":2},"
                + "{\"provider\":\"jira\",\"outcome\":\"accepted\",\"deliveries\":7}]}}");
        Browser browser = new Browser(port);
        EntityExchangeResult<byte[]> signIn = browser.signIn("ada@example.com", "correct horse battery staple");
        assertThat(signIn.getResponseHeaders().getLocation()).hasToString("/ui/overview");

        String html = page(browser.get("/ui/overview"), 200);

        assertThat(Stubs.CONNECTOR.receivedOn("/api/integrations/sync-activity").get(0).pathAndQuery()).endsWith("?days=14");
        assertThat(Stubs.WEBHOOKS.last().header("Authorization")).isEqualTo("Bearer " + BrowserSessionIT.TOKEN);
        assertThat(html).contains("<strong>12</strong> tasks", "<strong>4</strong> with an unmapped assignee", "href=\"/ui/tasks?mapped=false\"",
                "To Do", "href=\"/ui/tasks?status=Done\"", "Acme &lt;Jira&gt;", "href=\"/ui/tasks?connectionId=" + CONNECTION + "\"",
                "6 sync runs in the last 14 days", "<rect class=\"ok\"", "<rect class=\"bad\"", "2026-11-11",
                "Counted since 2026-11-23T08:00:00Z", "unauthorized", ">41<", "aria-current=\"page\">Overview")
                .doesNotContain("style=", "<script>", "No tasks yet", "No syncs");
        assertThat(html).as("the tallest bar (2 succeeded, 2 failed) fills the drawable height of 104")
                .contains("<rect class=\"ok\" x=\"190\" y=\"52\" width=\"178\" height=\"52\">", "<rect class=\"bad\" x=\"190\" y=\"0\" width=\"178\" height=\"52\">");
        UiPageTest.assertEveryControlIsLabelled(html);
    }

    @Test
    void saysWhatIsEmptyInWords() {
        Stubs.TASKS.answer("GET /api/external-tasks/stats", 200, "{\"data\":{\"total\":0,\"byStatus\":[],\"bySystem\":[],\"byConnection\":[],"
                + "\"assignment\":{\"mapped\":0,\"unmapped\":0,\"unassigned\":0}}}");
        Stubs.CONNECTOR.answer("GET /api/integrations", 200, "{\"data\":[]}");
        Stubs.CONNECTOR.answer("GET /api/integrations/sync-activity", 200, activity(0, 0, 0));
        Stubs.WEBHOOKS.answer("GET /api/webhooks/stats", 200, "{\"data\":{\"since\":\"2026-11-23T08:00:00Z\",\"counts\":[]}}");

        String html = page(signedIn().get("/ui/overview"), 200);

        assertThat(html).contains("No tasks yet.", "No syncs in the last 14 days.", "No webhook deliveries yet since 2026-11-23T08:00:00Z.")
                .doesNotContain("<svg");
    }

    @Test
    void aPartThatCannotBeReadSaysSoAndTheOthersStillShow() {
        Stubs.TASKS.answer("GET /api/external-tasks/stats", 500, "{\"status\":500}");
        Stubs.CONNECTOR.answer("GET /api/integrations", 200, "{\"data\":[]}");
        Stubs.CONNECTOR.answer("GET /api/integrations/sync-activity", 200, activity(3));
        Stubs.WEBHOOKS.answer("GET /api/webhooks/stats", 503, "{\"status\":503}");

        String html = page(signedIn().get("/ui/overview"), 200);

        assertThat(html).contains("This part cannot be shown right now", "3 sync runs in the last 14 days").doesNotContain("Exception");
        assertThat(html.split("This part cannot be shown right now", -1)).hasSize(3);
    }

    @Test
    void anExpiredTokenSendsThePersonToSignIn() {
        Stubs.TASKS.answer("GET /api/external-tasks/stats", 401, "{\"status\":401}");

        EntityExchangeResult<byte[]> result = signedIn().get("/ui/overview");

        assertThat(result.getStatus().value()).isEqualTo(303);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/ui/login?expired");
    }
}
