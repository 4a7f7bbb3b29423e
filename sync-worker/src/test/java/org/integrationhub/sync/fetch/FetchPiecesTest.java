package org.integrationhub.sync.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.junit.jupiter.api.Test;

class FetchPiecesTest {

    private static final Instant T = Instant.parse("2026-11-22T10:15:30Z");

    @Test
    void theCursorLeavesOutWhatWasFetchedAtOrBeforeItsBoundaryOnly() {
        Cursor cursor = Cursor.START.advance("1", T).advance("2", T);

        assertThat(cursor.seen("1", T)).isTrue();
        assertThat(cursor.seen("3", T)).as("another item updated in the same instant").isFalse();
        assertThat(cursor.seen("9", T.minusSeconds(1))).isTrue();
        assertThat(cursor.seen("1", T.plusSeconds(1))).as("a newer version of a fetched item").isFalse();
        assertThat(cursor.advance("3", T.plusSeconds(5))).isEqualTo(new Cursor(T.plusSeconds(5), Set.of("3")));
        assertThat(cursor.advance("0", T.minusSeconds(5))).isEqualTo(cursor);
        assertThat(Cursor.START.isStart()).isTrue();
    }

    @Test
    void jiraQueriesNameTheProjectsTheFilterAndTheCursorsMinuteInTheUsersZone() {
        var connection = new ConnectionReplica.Replicated(ConnectionId.random(), OrgId.random(), ExternalSystem.JIRA, null,
                List.of("OPS", "WEB"), "assignee = currentUser()", true, false);

        assertThat(JiraSource.jql(connection, Cursor.START, ZoneId.of("UTC")))
                .isEqualTo("project in (\"OPS\", \"WEB\") AND (assignee = currentUser()) ORDER BY updated ASC, id ASC");
        assertThat(JiraSource.jql(connection, Cursor.START.advance("1", T), ZoneId.of("Europe/Berlin")))
                .contains("updated >= \"2026-11-22 11:15\"");
        var everything = new ConnectionReplica.Replicated(connection.id(), connection.orgId(), ExternalSystem.JIRA, null, List.of(), null,
                true, false);
        assertThat(JiraSource.jql(everything, Cursor.START, ZoneId.of("UTC"))).isEqualTo("ORDER BY updated ASC, id ASC");
    }

    @Test
    void gitHubsNextPageComesFromTheLinkHeaderOnly() {
        assertThat(GitHubSource.next("<https://api.github.com/repos/a/b/issues?page=1>; rel=\"prev\", "
                + "<https://api.github.com/repos/a/b/issues?page=3>; rel=\"next\", <https://api.github.com/repos/a/b/issues?page=9>; rel=\"last\""))
                .isEqualTo("https://api.github.com/repos/a/b/issues?page=3");
        assertThat(GitHubSource.next("<https://api.github.com/repos/a/b/issues?page=1>; rel=\"first\"")).isNull();
        assertThat(GitHubSource.next(null)).isNull();
    }
}
