package org.integrationhub.sync.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ConnectionSnapshot;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.SyncRequested;
import org.integrationhub.events.SyncRunId;
import org.integrationhub.events.Topics;
import org.integrationhub.sandbox.ProviderSandbox;
import org.integrationhub.sandbox.faults.FaultPlan;
import org.integrationhub.sandbox.oauth.Provider;
import org.integrationhub.sync.SyncWorkerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The fetch stage against the provider sandbox's Jira and GitHub, end to end through apply: a sync
 * request becomes tasks in Postgres, incrementally, with progress reported to (a stand-in for)
 * connector-service's internal API.
 */
class FetchIT extends SyncWorkerTest {

    private static final Duration SYNCED = Duration.ofSeconds(120);
    private static final ProviderSandbox SANDBOX = ProviderSandbox.start(0);
    private static final NeighbourServices NEIGHBOURS = neighbours();
    private static final String JIRA_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("admin@acme.example:sandbox-jira-api-token".getBytes(StandardCharsets.UTF_8));

    private static NeighbourServices neighbours() {
        try {
            return new NeighbourServices();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void neighbours(DynamicPropertyRegistry registry) {
        registry.add("hub.sync.fetch.auth-url", NEIGHBOURS::url);
        registry.add("hub.sync.fetch.connector-url", NEIGHBOURS::url);
        registry.add("hub.sync.fetch.client-secret", () -> NeighbourServices.CLIENT_SECRET);
    }

    @AfterAll
    static void stop() {
        NEIGHBOURS.close();
        SANDBOX.close();
    }

    private final ConnectionId connection = ConnectionId.random();

    private void announce(ExternalSystem system, List<String> projectKeys, String baseUrl, String authorization) {
        announce(system, system == ExternalSystem.JIRA ? "api_token" : "oauth", projectKeys, baseUrl, null, authorization);
    }

    private void announce(ExternalSystem system, String authType, List<String> projectKeys, String baseUrl, String siteUrl,
            String authorization) {
        var snapshot = new ConnectionSnapshot(connection, organisation, system, authType,
                "Fetch test", baseUrl, "active", true, false, projectKeys, null, false, null, 1, Instant.now(), siteUrl);
        publisher.publish(Topics.CONNECTIONS, connection, EventEnvelope.of(EventTypes.CONNECTION_SNAPSHOT, organisation,
                "connection:" + connection + ":1", snapshot, Clock.systemUTC())).block(Duration.ofSeconds(10));
        NEIGHBOURS.credentials(connection.value(), baseUrl, authorization);
    }

    private SyncRunId syncNow(ExternalSystem system) {
        return syncNow(system, false);
    }

    private SyncRunId syncNow(ExternalSystem system, boolean fullResync) {
        SyncRunId run = SyncRunId.random();
        var request = new SyncRequested(connection, run, system, SyncRequested.Trigger.MANUAL, fullResync, Instant.now());
        publisher.publish(Topics.SYNC_REQUESTS, connection, EventEnvelope.of(EventTypes.SYNC_REQUESTED, organisation,
                "sync:" + run, request, Clock.systemUTC())).block(Duration.ofSeconds(10));
        return run;
    }

    private NeighbourServices.Progress finished(SyncRunId run) {
        await("sync run " + run + " finished").atMost(SYNCED).until(() ->
                NEIGHBOURS.progressOf(run.value()).stream().anyMatch(p -> !"running".equals(p.status())));
        List<NeighbourServices.Progress> reports = NEIGHBOURS.progressOf(run.value());
        return reports.get(reports.size() - 1);
    }

    private String jiraSite() {
        return SANDBOX.baseUrl() + "/atlassian/site/acme";
    }

    @Test
    void aThousandJiraIssuesBecomeAThousandTasksAndASecondSyncFetchesNothingNew() {
        announce(ExternalSystem.JIRA, List.of(), jiraSite(), JIRA_AUTH);

        SyncRunId first = syncNow(ExternalSystem.JIRA);
        var done = finished(first);
        assertThat(tasksOf(organisation)).as("the run succeeds only once its tasks are applied").isEqualTo(1000);
        assertThat(eventsOf(organisation)).isEqualTo(1000);
        assertThat(done.status()).isEqualTo("succeeded");
        assertThat(done.itemsSeen()).isEqualTo(1000);
        assertThat(done.itemsApplied()).as("applied on the run").isEqualTo(1000);
        assertThat(done.pages()).isEqualTo(10);
        var reports = NEIGHBOURS.progressOf(first.value());
        // reported at the start, every progress-interval while it runs (not per page: ADR 0022) and at the end
        assertThat(reports).extracting(NeighbourServices.Progress::status)
                .startsWith("running").endsWith("succeeded").containsOnlyOnce("succeeded");
        assertThat(reports).extracting(NeighbourServices.Progress::itemsApplied).as("applied only grows").isSorted();
        var task = task(organisation, "10000");
        assertThat(task).containsEntry("source", "poll").containsEntry("task_key", "PROJ-1");

        SyncRunId second = syncNow(ExternalSystem.JIRA);
        var again = finished(second);
        assertThat(again.status()).isEqualTo("succeeded");
        assertThat(again.itemsSeen()).as("the cursor leaves out what was fetched").isZero();
        assertThat(again.itemsApplied()).isZero();
        assertThat(tasksOf(organisation)).isEqualTo(1000);
        assertThat(eventsOf(organisation)).as("no new events").isEqualTo(1000);
    }

    @Test
    void aFullResyncFetchesEverythingAgainAndTheApplyStageCountsItAllAsDuplicates() {
        announce(ExternalSystem.JIRA, List.of("PROJ"), jiraSite(), JIRA_AUTH);
        assertThat(finished(syncNow(ExternalSystem.JIRA)).itemsSeen()).isEqualTo(334);
        await("334 events").atMost(SYNCED).until(() -> eventsOf(organisation) == 334);
        double duplicatesBefore = counted("sync.apply.observations", "outcome", "duplicate");

        var again = finished(syncNow(ExternalSystem.JIRA, true));

        assertThat(again.itemsSeen()).as("the cursor was reset").isEqualTo(334);
        assertThat(again.itemsApplied()).as("nothing new to apply").isZero();
        assertThat(counted("sync.apply.observations", "outcome", "duplicate") - duplicatesBefore)
                .as("succeeded only after all 334 were judged").isGreaterThanOrEqualTo(334);
        assertThat(tasksOf(organisation)).isEqualTo(334);
        assertThat(eventsOf(organisation)).as("no new events").isEqualTo(334);
    }

    @Test
    void anIssueChangedSinceTheLastSyncIsAllTheNextSyncFetches() {
        announce(ExternalSystem.JIRA, List.of("OPS"), jiraSite(), JIRA_AUTH);
        assertThat(finished(syncNow(ExternalSystem.JIRA)).itemsSeen()).as("OPS only").isEqualTo(333);

        WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl(SANDBOX.baseUrl()).build().put().uri("/sandbox/atlassian/issues/OPS-2")
                .bodyValue(Map.of("summary", "Changed after the first sync")).exchange().expectStatus().isOk();
        var next = finished(syncNow(ExternalSystem.JIRA));

        assertThat(next.itemsSeen()).isOne();
        await("the change applied").atMost(SYNCED).until(() -> "Changed after the first sync".equals(
                query("select title from sync.external_tasks where organisation_id = ? and task_key = 'OPS-2'", organisation.value())
                        .get(0).get("title")));
    }

    @Test
    void aRateLimitWithRetryAfterMidSyncIsWaitedOutAndTheSyncCompletes() {
        announce(ExternalSystem.JIRA, List.of("WEB"), jiraSite(), JIRA_AUTH);
        SANDBOX.faults().set(Provider.ATLASSIAN, new FaultPlan(2, 1, 0, 0, null));
        try {
            long started = System.nanoTime();
            var done = finished(syncNow(ExternalSystem.JIRA));
            assertThat(done.status()).isEqualTo("succeeded");
            assertThat(done.itemsSeen()).isEqualTo(333);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("Retry-After: 1 honoured").isGreaterThan(Duration.ofSeconds(1));
        } finally {
            SANDBOX.faults().clear();
        }
        await("333 tasks").atMost(SYNCED).until(() -> tasksOf(organisation) == 333);
    }

    @Test
    void aSyncThatCannotCompleteRecordsWhyOnItsRun() {
        announce(ExternalSystem.JIRA, List.of(), jiraSite(), "Basic " + Base64.getEncoder().encodeToString(
                "admin@acme.example:wrong-token".getBytes(StandardCharsets.UTF_8)));

        var failed = finished(syncNow(ExternalSystem.JIRA));

        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).contains("401").doesNotContain("wrong-token");
        assertThat(tasksOf(organisation)).isZero();
    }

    @Test
    void gitHubIssuesAndPullRequestsOfTheNamedRepositoryAreFetchedThroughLinkPages() {
        String code = SANDBOX.oauth().issueCode(Provider.GITHUB, "sandbox-github-client", "http://localhost:8082/api/oauth/callback/github",
                "repo read:user", null, null, "octocat");
        String token = SANDBOX.oauth().redeemCode(Provider.GITHUB, code, "sandbox-github-client",
                "http://localhost:8082/api/oauth/callback/github", null, Duration.ofHours(8), false).tokens().accessToken();
        announce(ExternalSystem.GITHUB, List.of("acme/web"), SANDBOX.baseUrl() + "/github/api", "Bearer " + token);

        var done = finished(syncNow(ExternalSystem.GITHUB));

        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo("succeeded");
        assertThat(done.itemsSeen()).isPositive();
        assertThat(done.pages()).isGreaterThan(1);
        await("every item applied").atMost(SYNCED).until(() -> tasksOf(organisation) == done.itemsSeen());
        assertThat(count("select count(*) from sync.external_tasks where organisation_id = ? and kind = 'pull_request'",
                organisation.value())).as("pull requests told apart").isPositive();
        assertThat(count("select count(*) from sync.external_tasks where organisation_id = ? and project_key <> 'acme/web'",
                organisation.value())).isZero();
    }

    @Test
    void anOAuthJiraConnectionLinksEachTaskToTheSiteNotToTheApiGateway() {
        String admin = "712020:" + java.util.UUID.nameUUIDFromBytes("admin:admin@acme.example".getBytes(StandardCharsets.UTF_8));
        String code = SANDBOX.oauth().issueCode(Provider.ATLASSIAN, "sandbox-atlassian-client",
                "http://localhost:8082/api/oauth/callback/jira", "read:jira-work read:jira-user offline_access", null, null, admin);
        String token = SANDBOX.oauth().redeemCode(Provider.ATLASSIAN, code, "sandbox-atlassian-client",
                "http://localhost:8082/api/oauth/callback/jira", null, Duration.ofHours(1), false).tokens().accessToken();
        String api = SANDBOX.baseUrl() + "/atlassian/api/ex/jira/11223344-aaaa-bbbb-cccc-1234567890ab";
        announce(ExternalSystem.JIRA, "oauth", List.of("OPS"), api, jiraSite(), "Bearer " + token);

        var done = finished(syncNow(ExternalSystem.JIRA));

        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo("succeeded");
        assertThat(done.itemsApplied()).isEqualTo(333);
        var stored = query("select url, raw_payload from sync.external_tasks where organisation_id = ? and task_key = 'OPS-2'",
                organisation.value()).get(0);
        assertThat((String) stored.get("raw_payload")).as("self is the API gateway's address").contains(api + "/rest/api/3/issue/");
        assertThat(stored.get("url")).isEqualTo(jiraSite() + "/browse/OPS-2");
    }

    @Test
    void aSyncRequestForAnotherOrganisationsConnectionIsRefused() {
        announce(ExternalSystem.JIRA, List.of(), jiraSite(), JIRA_AUTH);
        SyncRunId run = SyncRunId.random();
        var request = new SyncRequested(connection, run, ExternalSystem.JIRA, SyncRequested.Trigger.MANUAL, false, Instant.now());
        publisher.publish(Topics.SYNC_REQUESTS, connection, EventEnvelope.of(EventTypes.SYNC_REQUESTED,
                org.integrationhub.events.OrgId.random(), "sync:" + run, request, Clock.systemUTC())).block(Duration.ofSeconds(10));

        assertThat(finished(run).error()).contains("does not own");
        assertThat(tasksOf(organisation)).isZero();
    }
}
