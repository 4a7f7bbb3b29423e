package org.integrationhub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The operator page: only for the ops role; health, dead letters with redrive and discard, replays with progress and cancel. */
class OpsPageIT extends UiPageTest {

    /** A token whose roles claim names ops (the gateway reads it only to decide what to offer; sync-worker verifies). */
    static final String OPS_TOKEN = "eyJhbGciOiJSUzI1NiJ9."
            + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"ada\",\"roles\":[\"member\",\"ops\"]}".getBytes(StandardCharsets.UTF_8))
            + ".c2lnbmVkLWJ5LWF1dGg";
    private static final String REPLAY = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
    private static final String DLT = "integration.task-observations-dlt";
    private static final String DEAD_LETTER = "{\"dltTopic\":\"" + DLT + "\",\"partition\":1,\"offset\":42,\"key\":\"org:jira:10007\","
            + "\"originalTopic\":\"integration.task-observations\",\"originalPartition\":1,\"originalOffset\":7,"
            + "\"deadLetteredAt\":\"2026-11-23T10:00:00Z\",\"exception\":\"org.example.Refused\",\"reason\":\"value too long <b>\","
            + "\"handled\":null,\"value\":\"secret-ish payload\"}";

    private Browser operator() {
        Stubs.AUTH.answer("POST /api/auth/login", 200, "{\"data\":{\"accessToken\":\"" + OPS_TOKEN
                + "\",\"expiresAt\":\"" + Instant.now().plus(15, ChronoUnit.MINUTES) + "\"}}");
        return signedIn();
    }

    private void stubPage() {
        Stubs.TASKS.answer("GET /api/ops/health", 200, "{\"data\":{\"stages\":[{\"stage\":\"apply\",\"recordsPerSecond\":12.5,"
                + "\"lastError\":\"database unavailable\",\"lastErrorAt\":\"2026-11-23T09:00:00Z\"}],"
                + "\"lag\":[{\"group\":\"sync-worker.apply\",\"topic\":\"integration.task-observations\",\"partition\":0,\"committed\":5,\"end\":8,\"lag\":3}],"
                + "\"deadLetterTopics\":[{\"topic\":\"" + DLT + "\",\"records\":1}],\"syncRunsInProgress\":2}}");
        Stubs.TASKS.answer("GET /api/ops/dead-letters", 200, "{\"data\":[" + DEAD_LETTER + "]}");
        Stubs.TASKS.answer("GET /api/ops/replays", 200, "{\"data\":[{\"id\":\"" + REPLAY + "\",\"status\":\"running\",\"total\":200,\"read\":50,"
                + "\"skipped\":0,\"unreadable\":0,\"duplicate\":50,\"applied\":0,\"unchanged\":0,\"stale\":0,\"startedAt\":\"2026-11-23T10:05:00Z\","
                + "\"request\":{\"topic\":\"integration.task-observations\",\"mode\":\"safe\"}}]}");
    }

    @Test
    void showsHealthDeadLettersAndReplaysToAnOperator() {
        stubPage();
        Browser browser = operator();

        String html = page(browser.get("/ui/ops?topic=integration.task-observations&reason=too long"), 200);

        assertThat(Stubs.TASKS.receivedOn("/api/ops/dead-letters").get(0).pathAndQuery())
                .contains("topic=integration.task-observations", "reason=too%20long");
        assertThat(Stubs.TASKS.last().header("Authorization")).isEqualTo("Bearer " + OPS_TOKEN);
        assertThat(html).contains("href=\"/ui/ops\"", "aria-current=\"page\">Operations", "12.5", "database unavailable (2026-11-23T09:00:00Z)",
                "<strong>2</strong> sync run(s) in progress", "sync-worker.apply", DLT,
                "value too long &lt;b&gt;", "action=\"/ui/ops/dead-letters/" + DLT + "/1/42/redrive\"",
                "action=\"/ui/ops/dead-letters/" + DLT + "/1/42/discard\"", "Redrive every unhandled match",
                "50 of 200 read", "hx-get=\"/ui/ops/replays\"", "hx-trigger=\"every 2s\"", "action=\"/ui/ops/replays/" + REPLAY + "/cancel\"",
                "Start a replay", "integration.task-observations · safe", "<option value=\"renormalise\">")
                .doesNotContain("secret-ish payload", "style=", "<script>");
        assertEveryControlIsLabelled(html);

        String fragment = page(browser.get("/ui/ops/replays"), 200);
        assertThat(fragment).contains("50 of 200 read").doesNotContain("<html");
    }

    @Test
    void toleratesAnOperatorApiWithoutHealthByShowingTheLagItHas() {
        stubPage();
        Stubs.TASKS.answer("GET /api/ops/health", 404, "{\"status\":404}");
        Stubs.TASKS.answer("GET /api/ops/lag", 200, "{\"data\":{\"at\":\"2026-11-23T10:00:00Z\",\"lag\":[{\"group\":\"sync-worker.fetch\","
                + "\"topic\":\"integration.sync-requests\",\"partition\":2,\"committed\":null,\"end\":4,\"lag\":4}],"
                + "\"deadLetters\":[{\"topic\":\"integration.sync-requests-dlt\",\"records\":0}]}}");
        Stubs.TASKS.answer("GET /api/ops/dead-letters", 200, "{\"data\":[]}");
        Stubs.TASKS.answer("GET /api/ops/replays", 200, "{\"data\":[]}");

        String html = page(operator().get("/ui/ops"), 200);

        assertThat(html).contains("As of 2026-11-23T10:00:00Z", "sync-worker.fetch", "integration.sync-requests-dlt",
                "No dead letters match.", "No replays since sync-worker started.").doesNotContain("sync run(s) in progress", "Stages", "hx-trigger");
    }

    @Test
    void saysWhenKafkaCouldNotBeReadForTheHealth() {
        stubPage();
        Stubs.TASKS.answer("GET /api/ops/health", 200, "{\"data\":{\"at\":\"2026-11-23T10:00:00Z\",\"stages\":[],\"lag\":[],"
                + "\"deadLetterTopics\":[],\"syncRunsInProgress\":0,\"kafkaUnreadable\":\"Kafka did not answer within 10s\"}}");

        assertThat(page(operator().get("/ui/ops"), 200))
                .contains("Kafka did not answer, so lag and dead-letter counts are missing: Kafka did not answer within 10s");
    }

    @Test
    void someoneWithoutTheOpsRoleGetsA403PageAndNoLink() {
        Browser browser = signedIn();

        assertThat(page(browser.get("/ui/overview"), 200)).doesNotContain("href=\"/ui/ops\"");
        assertThat(page(browser.get("/ui/ops"), 403)).contains("This page is for operators of the hub.");
        assertThat(Stubs.TASKS.receivedOn("/api/ops/dead-letters")).as("no service call without the role").isEmpty();

        Browser forged = operator();
        Stubs.TASKS.answer("GET /api/ops/health", 403, "{\"status\":403,\"code\":\"forbidden\"}");
        Stubs.TASKS.answer("GET /api/ops/dead-letters", 403, "{\"status\":403,\"code\":\"forbidden\"}");
        Stubs.TASKS.answer("GET /api/ops/replays", 403, "{\"status\":403,\"code\":\"forbidden\"}");
        assertThat(page(forged.get("/ui/ops"), 403)).as("sync-worker's refusal wins over the token's claim")
                .contains("This page is for operators of the hub.");
    }

    @Test
    void redrivesAndDiscardsADeadLetterAndRedrivesTheMatches() {
        stubPage();
        Browser browser = operator();
        browser.get("/ui/ops");

        Stubs.TASKS.answer("POST /api/ops/dead-letters/" + DLT + "/1/42/redrive", 200, "{\"data\":" + DEAD_LETTER + "}");
        EntityExchangeResult<byte[]> redriven = browser.postForm("/ui/ops/dead-letters/" + DLT + "/1/42/redrive", Map.of());
        assertThat(redriven.getResponseHeaders().getLocation()).hasToString("/ui/ops?redriven");
        assertThat(Stubs.TASKS.receivedOn("/api/ops/dead-letters/" + DLT + "/1/42/redrive")).hasSize(1);

        Stubs.TASKS.answer("POST /api/ops/dead-letters/" + DLT + "/1/42/discard", 409, "{\"status\":409,\"code\":\"dead_letter_already_handled\","
                + "\"detail\":\"This dead letter was already redriven.\"}");
        assertThat(page(browser.postForm("/ui/ops/dead-letters/" + DLT + "/1/42/discard", Map.of()), 409))
                .contains("This dead letter was already redriven.");

        Stubs.TASKS.answer("POST /api/ops/dead-letters/redrive", 200, "{\"data\":{\"redriven\":3,\"alreadyHandled\":1,\"failed\":0}}");
        EntityExchangeResult<byte[]> all = browser.postForm("/ui/ops/dead-letters/redrive", Map.of("topic", "integration.task-observations", "reason", ""));
        assertThat(Stubs.TASKS.last().bodyText()).isEqualTo("{\"topic\":\"integration.task-observations\"}");
        assertThat(page(browser.get(all.getResponseHeaders().getLocation().toString()), 200))
                .contains("Redrive: 3 sent back, 1 already handled, 0 failed.");
    }

    @Test
    void startsAReplayFromTheFormAndCancelsOne() {
        stubPage();
        Browser browser = operator();
        browser.get("/ui/ops");

        Stubs.TASKS.answer("POST /api/ops/replays", 202, "{\"data\":{\"id\":\"" + REPLAY + "\",\"status\":\"running\"}}");
        var form = new java.util.LinkedHashMap<String, String>();
        form.put("topic", "integration.webhook-deliveries");
        form.put("mode", "renormalise");
        form.put("from", "2026-11-23T08:00");
        form.put("to", "2026-11-23T09:30");
        form.put("partition", "");
        form.put("connectionId", "");
        EntityExchangeResult<byte[]> started = browser.postForm("/ui/ops/replays", form);
        assertThat(started.getResponseHeaders().getLocation()).hasToString("/ui/ops?started");
        assertThat(Stubs.TASKS.last().bodyText()).isEqualTo("{\"topic\":\"integration.webhook-deliveries\",\"mode\":\"renormalise\","
                + "\"from\":\"2026-11-23T08:00:00Z\",\"to\":\"2026-11-23T09:30:00Z\"}");

        Stubs.TASKS.answer("POST /api/ops/replays", 400, "{\"status\":400,\"code\":\"validation_failed\",\"detail\":\"Some fields are invalid.\","
                + "\"errors\":[{\"field\":\"fromOffset\",\"message\":\"an offset range needs partition, fromOffset and toOffset\"}]}");
        assertThat(page(browser.postForm("/ui/ops/replays", Map.of("partition", "1", "fromOffset", "9")), 400))
                .contains("fromOffset: an offset range needs partition", "value=\"9\"");
        assertThat(page(browser.postForm("/ui/ops/replays", Map.of("from", "yesterday")), 400))
                .contains("“from” is not a date and time such as 2026-11-23T10:00 (UTC).");

        Stubs.TASKS.answer("POST /api/ops/replays/" + REPLAY + "/cancel", 200, "{\"data\":{\"id\":\"" + REPLAY + "\",\"status\":\"running\"}}");
        assertThat(browser.postForm("/ui/ops/replays/" + REPLAY + "/cancel", Map.of()).getResponseHeaders().getLocation())
                .hasToString("/ui/ops?cancelling");
    }
}
