package org.integrationhub.sync.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.TaskObserved;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The browse URL of a Jira issue: on the person's site, never on the OAuth API gateway. */
class JiraIssuesTest {

    private static final String GATEWAY_SELF = "https://api.atlassian.com/ex/jira/1324a887-45db-1bf4-1e99-ef0ff456d421/rest/api/3/issue/10042";
    private static final String SITE_SELF = "https://acme.atlassian.net/rest/api/3/issue/10042";

    @Test
    void linksAnIssueFetchedOverOAuthToTheConnectionsSite() {
        assertThat(JiraIssues.browseUrl(GATEWAY_SELF, "OPS-42", "https://acme.atlassian.net/"))
                .isEqualTo("https://acme.atlassian.net/browse/OPS-42");
    }

    @Test
    void givesNoLinkRatherThanAWrongOneWhenOnlyTheGatewayAddressIsKnown() {
        assertThat(JiraIssues.browseUrl(GATEWAY_SELF, "OPS-42", null)).isNull();
    }

    @Test
    void derivesTheLinkFromSelfForAnApiTokenConnectionOrAWebhook() {
        assertThat(JiraIssues.browseUrl(SITE_SELF, "OPS-42", null)).isEqualTo("https://acme.atlassian.net/browse/OPS-42");
        assertThat(JiraIssues.browseUrl(SITE_SELF, "OPS-42", "https://acme.atlassian.net"))
                .isEqualTo("https://acme.atlassian.net/browse/OPS-42");
    }

    @Test
    void observesAnOAuthIssueWithItsSiteLink() {
        var issue = JsonMapper.builder().build().readTree("""
                {"id": "10042", "key": "OPS-42", "self": "%s",
                 "fields": {"summary": "Rotate", "updated": "2026-11-22T10:15:30.123+0000", "project": {"key": "OPS"}}}"""
                .formatted(GATEWAY_SELF));

        var observed = JiraIssues.observe(issue, ConnectionId.random(), TaskObserved.Source.POLL, "https://acme.atlassian.net");

        assertThat(observed.url()).isEqualTo("https://acme.atlassian.net/browse/OPS-42");
    }
}
