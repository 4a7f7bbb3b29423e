package org.integrationhub.connector.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.integrationhub.connector.notifications.NotificationRules.ChangeKind;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.ExternalTaskUpdated;
import org.integrationhub.events.Person;
import org.integrationhub.events.ResourceId;
import org.integrationhub.events.TaskId;
import org.integrationhub.events.TaskObserved;
import org.junit.jupiter.api.Test;

class NotificationRulesTest {

    private final ConnectionId jira = ConnectionId.random();

    private static NotificationRules rules(List<ExternalSystem> systems, List<String> projects, EnumSet<ChangeKind> changes) {
        return new NotificationRules("#team", true, systems, projects, changes);
    }

    @Test
    void tellsTheKindsOfAChange() {
        assertThat(NotificationRules.kindsOf(TaskUpdates.created(jira, "1", "PROJ-1", "t"))).containsExactly(ChangeKind.CREATED);
        assertThat(NotificationRules.kindsOf(TaskUpdates.statusChanged(jira, "1", "PROJ-1", "t", "To Do", "Done")))
                .containsExactlyInAnyOrder(ChangeKind.STATUS_CHANGED, ChangeKind.ASSIGNED);
        assertThat(NotificationRules.kindsOf(TaskUpdates.edited(jira, "1", "PROJ-1", "t"))).isEmpty();
    }

    @Test
    void matchesWatchedSystemsProjectsAndChangesOnly() {
        var statusOnly = rules(List.of(ExternalSystem.JIRA), List.of("PROJ"), EnumSet.of(ChangeKind.STATUS_CHANGED));
        assertThat(statusOnly.matches(TaskUpdates.statusChanged(jira, "1", "PROJ-12", "t", "A", "B"))).isTrue();
        assertThat(statusOnly.matches(TaskUpdates.statusChanged(jira, "1", "OPS-12", "t", "A", "B"))).isFalse();
        assertThat(statusOnly.matches(TaskUpdates.created(jira, "1", "PROJ-12", "t"))).isFalse();
        assertThat(new NotificationRules("#team", false, List.of(), List.of(), EnumSet.allOf(ChangeKind.class))
                .matches(TaskUpdates.created(jira, "1", "PROJ-12", "t"))).as("disabled").isFalse();
    }

    @Test
    void aGitHubIssueBelongsToItsRepository() {
        var issue = new ExternalTaskUpdated(TaskId.random(), jira, ExternalSystem.GITHUB, "acme/api#12", "acme/api#12", "t", "open",
                null, ExternalTaskUpdated.Change.CREATED, new Person("octo", null, null), ResourceId.random(),
                TaskObserved.Source.POLL, Instant.now(), 1);
        assertThat(NotificationRules.projectOf(issue)).isEqualTo("acme/api");
        assertThat(rules(List.of(ExternalSystem.GITHUB), List.of("acme/api"), EnumSet.of(ChangeKind.ASSIGNED)).matches(issue)).isTrue();
        assertThat(rules(List.of(ExternalSystem.JIRA), List.of(), EnumSet.allOf(ChangeKind.class)).matches(issue)).isFalse();
    }
}
