package org.integrationhub.connector.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.integrationhub.connector.connections.SlackBotTokens.SourceSite;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.junit.jupiter.api.Test;

class SlackMessageFormatTest {

    private final ConnectionId jira = ConnectionId.random();
    private final SourceSite site = new SourceSite(ExternalSystem.JIRA, "https://acme.atlassian.net/");

    @Test
    void aStatusChangeLinksTheTaskAndShowsOldAndNewStatusAssigneeAndSource() {
        var change = new TaskChange(UUID.randomUUID(), OrgId.random(),
                TaskUpdates.statusChanged(jira, "10007", "PROJ-7", "Fix <login> & logout", "To Do", "In Progress"));
        SlackMessage message = SlackMessageFormat.single(change, site);
        assertThat(message.text()).isEqualTo("PROJ-7 Fix <login> & logout: Status: To Do → In Progress");
        assertThat(message.blocks().toString())
                .contains("*<https://acme.atlassian.net/browse/PROJ-7|PROJ-7 Fix &lt;login&gt; &amp; logout>*")
                .contains("Status: To Do → *In Progress*").contains("Assignee: Ada Lovelace").contains("jira · updated via webhook");
    }

    @Test
    void withoutItsSourceConnectionTheKeyHasNoLink() {
        var change = new TaskChange(UUID.randomUUID(), OrgId.random(), TaskUpdates.created(jira, "1", "PROJ-1", "New"));
        assertThat(SlackMessageFormat.single(change, null).blocks().toString()).contains("*PROJ-1 New*").doesNotContain("<http");
    }

    @Test
    void aBurstBecomesOneSummaryWithCountsAndTheFirstFew() {
        List<TaskChange> changes = IntStream.rangeClosed(1, 25).mapToObj(n -> new TaskChange(UUID.randomUUID(), OrgId.random(),
                n % 5 == 0 ? TaskUpdates.statusChanged(jira, "" + n, "PROJ-" + n, "t" + n, "To Do", "Done")
                        : TaskUpdates.created(jira, "" + n, "PROJ-" + n, "t" + n))).toList();
        SlackMessage summary = SlackMessageFormat.summary(changes, Map.of(jira, site), 10);
        assertThat(summary.text()).isEqualTo("25 task changes (created: 20 · status changed: 5 · assigned: 5)");
        assertThat(summary.blocks()).hasSize(3);
        assertThat(summary.blocks().toString()).contains("browse/PROJ-10|").doesNotContain("PROJ-11|").contains("…and 15 more");
    }
}
