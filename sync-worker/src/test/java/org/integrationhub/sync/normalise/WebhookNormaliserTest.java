package org.integrationhub.sync.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.WebhookReceived;
import org.junit.jupiter.api.Test;

class WebhookNormaliserTest {

    private static final ConnectionId CONNECTION = ConnectionId.random();
    private static final Instant RECEIVED = Instant.parse("2026-11-23T12:00:00Z");

    private static final String JIRA_ISSUE = """
            {"id":"10042","key":"OPS-42","self":"https://acme.atlassian.net/rest/api/3/issue/10042",
             "fields":{"summary":"Rotate the webhook secret","labels":["security","ops"],
               "status":{"name":"In Progress","statusCategory":{"key":"indeterminate"}},
               "assignee":{"accountId":"5b10ac8d82e05b22cc7d4ef5","emailAddress":"ada@example.com","displayName":"Ada"},
               "project":{"key":"OPS"},"created":"2026-11-20T08:00:00.000+0000","updated":"2026-11-22T10:15:30.123+0000"}}""";

    private static final String GITHUB_ISSUE = """
            {"id":1347,"number":7,"title":"Found a bug","state":"closed","html_url":"https://github.com/acme/api/issues/7",
             "assignee":{"login":"octocat","id":1},"labels":[{"name":"bug"}],
             "created_at":"2026-11-20T08:00:00Z","updated_at":"2026-11-22T10:15:30Z"}""";

    private final WebhookNormaliser normaliser = new WebhookNormaliser(NormaliseSettings.none());

    private static WebhookReceived delivery(ExternalSystem provider, String eventType, String contentType, String body) {
        return new WebhookReceived(CONNECTION, provider, "delivery-1", eventType, Map.of(), contentType,
                body.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    @Test
    void aConfiguredStatusCategoryOverridesTheProvidersWhateverTheCaseOfTheStatus() {
        var rules = new NormaliseSettings(Map.of("in progress", "review"));
        var result = new WebhookNormaliser(rules).normalise(delivery(ExternalSystem.JIRA, "jira:issue_updated", "application/json",
                "{\"timestamp\":1763806530123,\"webhookEvent\":\"jira:issue_updated\",\"issue\":" + JIRA_ISSUE + "}"));

        assertThat(result.observations()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo("In Progress");
            assertThat(o.statusCategory()).isEqualTo("review");
        });
    }

    @Test
    void aJiraIssueUpdateBecomesAnObservationOfTheIssue() {
        var result = normaliser.normalise(delivery(ExternalSystem.JIRA, "jira:issue_updated", "application/json",
                "{\"timestamp\":1763806530123,\"webhookEvent\":\"jira:issue_updated\",\"issue\":" + JIRA_ISSUE + "}"));

        assertThat(result.observations()).singleElement().satisfies(o -> {
            assertThat(o.connectionId()).isEqualTo(CONNECTION);
            assertThat(o.system()).isEqualTo(ExternalSystem.JIRA);
            assertThat(o.externalId()).isEqualTo("10042");
            assertThat(o.key()).isEqualTo("OPS-42");
            assertThat(o.title()).isEqualTo("Rotate the webhook secret");
            assertThat(o.status()).isEqualTo("In Progress");
            assertThat(o.statusCategory()).isEqualTo("indeterminate");
            assertThat(o.assignee().externalUserId()).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
            assertThat(o.assignee().email()).isEqualTo("ada@example.com");
            assertThat(o.projectKey()).isEqualTo("OPS");
            assertThat(o.labels()).containsExactly("security", "ops");
            assertThat(o.url()).isEqualTo("https://acme.atlassian.net/browse/OPS-42");
            assertThat(o.sourceCreatedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
            assertThat(o.sourceUpdatedAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123Z"));
            assertThat(o.source()).isEqualTo(TaskObserved.Source.WEBHOOK);
            assertThat(o.deleted()).isFalse();
            assertThat(o.rawPayload()).contains("\"OPS-42\"");
        });
    }

    @Test
    void aJiraDeleteBecomesATombstoneAtTheEventsTime() {
        var result = normaliser.normalise(delivery(ExternalSystem.JIRA, "jira:issue_deleted", "application/json",
                "{\"timestamp\":1763806530123,\"webhookEvent\":\"jira:issue_deleted\",\"issue\":" + JIRA_ISSUE + "}"));

        assertThat(result.observations()).singleElement().satisfies(o -> {
            assertThat(o.deleted()).isTrue();
            assertThat(o.externalId()).isEqualTo("10042");
            assertThat(o.sourceUpdatedAt()).isEqualTo(Instant.ofEpochMilli(1763806530123L));
        });
    }

    @Test
    void otherJiraEventsAreSkippedWithTheirReason() {
        var result = normaliser.normalise(delivery(ExternalSystem.JIRA, "comment_created", "application/json",
                "{\"webhookEvent\":\"comment_created\",\"comment\":{\"id\":\"1\"}}"));

        assertThat(result.observations()).isEmpty();
        assertThat(result.skipped()).contains("comment_created");
    }

    @Test
    void gitHubIssueActionsBecomeObservationsAndPullRequestsAreToldApart() {
        for (String action : new String[] {"opened", "edited", "closed", "reopened", "assigned", "unassigned", "labeled", "transferred"}) {
            var result = normaliser.normalise(delivery(ExternalSystem.GITHUB, "issues", "application/json",
                    "{\"action\":\"" + action + "\",\"issue\":" + GITHUB_ISSUE + ",\"repository\":{\"full_name\":\"acme/api\"}}"));
            assertThat(result.observations()).as(action).singleElement().satisfies(o -> {
                assertThat(o.externalId()).isEqualTo("1347");
                assertThat(o.key()).isEqualTo("acme/api#7");
                assertThat(o.kind()).isEqualTo(TaskObserved.Kind.ISSUE);
                assertThat(o.status()).isEqualTo("closed");
                assertThat(o.assignee().externalUserId()).isEqualTo("octocat");
                assertThat(o.labels()).containsExactly("bug");
                assertThat(o.projectKey()).isEqualTo("acme/api");
                assertThat(o.sourceUpdatedAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30Z"));
            });
        }
        String pullRequest = GITHUB_ISSUE.replace("\"number\":7", "\"number\":8,\"pull_request\":{\"url\":\"x\"}");
        var result = normaliser.normalise(delivery(ExternalSystem.GITHUB, "issues", "application/json",
                "{\"action\":\"opened\",\"issue\":" + pullRequest + ",\"repository\":{\"full_name\":\"acme/api\"}}"));
        assertThat(result.observations().get(0).kind()).isEqualTo(TaskObserved.Kind.PULL_REQUEST);
    }

    @Test
    void aGitHubDeleteIsATombstoneNoOlderThanItsArrival() {
        var result = normaliser.normalise(delivery(ExternalSystem.GITHUB, "issues", "application/json",
                "{\"action\":\"deleted\",\"issue\":" + GITHUB_ISSUE + ",\"repository\":{\"full_name\":\"acme/api\"}}"));

        assertThat(result.observations()).singleElement().satisfies(o -> {
            assertThat(o.deleted()).isTrue();
            assertThat(o.sourceUpdatedAt()).isEqualTo(RECEIVED);
        });
    }

    @Test
    void gitHubsFormPayloadIsReadToo() {
        String body = "payload=" + URLEncoder.encode("{\"action\":\"opened\",\"issue\":" + GITHUB_ISSUE + "}", StandardCharsets.UTF_8);
        var result = normaliser.normalise(delivery(ExternalSystem.GITHUB, "issues", "application/x-www-form-urlencoded", body));

        assertThat(result.observations()).singleElement().satisfies(o -> assertThat(o.title()).isEqualTo("Found a bug"));
    }

    @Test
    void otherGitHubEventsAndSlackAreSkipped() {
        assertThat(normaliser.normalise(delivery(ExternalSystem.GITHUB, "push", "application/json", "{\"ref\":\"main\"}")).skipped())
                .contains("push");
        assertThat(normaliser.normalise(delivery(ExternalSystem.SLACK, "message", "application/json", "{\"type\":\"event_callback\"}"))
                .skipped()).contains("slack");
    }

    @Test
    void anUnreadableBodyIsRefusedNotGuessedAt() {
        assertThatThrownBy(() -> normaliser.normalise(delivery(ExternalSystem.JIRA, null, "application/json", "{not json")))
                .isInstanceOf(WebhookNormaliser.Unreadable.class);
        assertThatThrownBy(() -> normaliser.normalise(delivery(ExternalSystem.JIRA, null, "application/json",
                "{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"1\",\"fields\":{}}}")))
                .isInstanceOf(WebhookNormaliser.Unreadable.class).hasMessageContaining("fields.updated");
        assertThatThrownBy(() -> normaliser.normalise(delivery(ExternalSystem.GITHUB, "issues", "application/x-www-form-urlencoded",
                "action=opened"))).isInstanceOf(WebhookNormaliser.Unreadable.class);
    }
}
