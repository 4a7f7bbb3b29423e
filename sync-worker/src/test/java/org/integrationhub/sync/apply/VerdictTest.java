package org.integrationhub.sync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.Person;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.sync.tasks.ExternalTask;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final ConnectionId CONNECTION = ConnectionId.random();
    private static final Instant T1 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);

    static TaskObserved observed(String title, Instant updated) {
        return new TaskObserved(CONNECTION, ExternalSystem.JIRA, "10001", "PROJ-1", title, "To Do", "new", TaskObserved.Kind.ISSUE,
                new Person("acc-1", "Mia@Example.com", "Mia"), "PROJ", List.of("b", "a"), "https://x/PROJ-1", T1.minusSeconds(3600),
                updated, false, TaskObserved.Source.POLL, "{}");
    }

    static ExternalTask stored(TaskObserved observed) {
        return ExternalTask.created(UUID.randomUUID(), OrgId.random(), observed, ContentHash.of(observed), null, UUID.randomUUID());
    }

    private static Verdict.Kind judge(ExternalTask stored, TaskObserved incoming) {
        return Verdict.judge(stored, incoming, ContentHash.of(incoming)).kind();
    }

    @Test
    void createsWhatIsNotStored() {
        assertThat(judge(null, observed("a", T1))).isEqualTo(Verdict.Kind.CREATE);
    }

    @Test
    void aNewerVersionWithOtherContentUpdates() {
        assertThat(judge(stored(observed("a", T1)), observed("b", T2))).isEqualTo(Verdict.Kind.UPDATE);
    }

    @Test
    void anOlderVersionIsStaleWithAReason() {
        Verdict verdict = Verdict.judge(stored(observed("b", T2)), observed("a", T1), ContentHash.of(observed("a", T1)));
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.STALE);
        assertThat(verdict.staleReason()).contains("older than the stored");
    }

    @Test
    void aNewerVersionWithTheSameContentOnlyMovesProvenance() {
        assertThat(judge(stored(observed("a", T1)), observed("a", T2))).isEqualTo(Verdict.Kind.SAME_CONTENT);
        assertThat(judge(stored(observed("a", T1)), observed("a", T1))).isEqualTo(Verdict.Kind.UNCHANGED);
    }

    @Test
    void theSameSourceTimeWithOtherContentIsDecidedByTheHashWhateverTheOrder() {
        TaskObserved x = observed("x", T1);
        TaskObserved y = observed("y", T1);
        Verdict.Kind xOverY = judge(stored(y), x);
        Verdict.Kind yOverX = judge(stored(x), y);
        assertThat(List.of(xOverY, yOverX)).containsExactlyInAnyOrder(Verdict.Kind.UPDATE, Verdict.Kind.STALE);
    }

    @Test
    void aTombstoneDeletesUnlessANewerVersionExists() {
        var tombstone = TaskObserved.tombstone(CONNECTION, ExternalSystem.JIRA, "10001", T2, TaskObserved.Source.WEBHOOK);
        assertThat(judge(stored(observed("a", T1)), tombstone)).isEqualTo(Verdict.Kind.DELETE);
        assertThat(judge(stored(observed("a", T2)), tombstone)).as("same time: the delete wins").isEqualTo(Verdict.Kind.DELETE);
        var older = TaskObserved.tombstone(CONNECTION, ExternalSystem.JIRA, "10001", T1, TaskObserved.Source.WEBHOOK);
        assertThat(judge(stored(observed("a", T2)), older)).isEqualTo(Verdict.Kind.STALE);
        assertThat(judge(stored(tombstone), tombstone)).isEqualTo(Verdict.Kind.UNCHANGED);
        assertThat(judge(stored(tombstone), observed("a", T2))).as("a live version at the delete's time").isEqualTo(Verdict.Kind.STALE);
        assertThat(judge(stored(tombstone), observed("a", T2.plusSeconds(1)))).isEqualTo(Verdict.Kind.UPDATE);
    }

    @Test
    void theContentHashIgnoresLabelOrderEmailCaseSourceAndTime() {
        TaskObserved a = observed("a", T1);
        TaskObserved b = new TaskObserved(CONNECTION, ExternalSystem.JIRA, "10001", "PROJ-1", "a", "To Do", "new", TaskObserved.Kind.ISSUE,
                new Person("acc-1", "mia@example.com", "Mia"), "PROJ", List.of("a", "b"), "https://x/PROJ-1", T1.minusSeconds(3600),
                T2, false, TaskObserved.Source.WEBHOOK, "{\"other\":true}");
        assertThat(ContentHash.of(a)).isEqualTo(ContentHash.of(b)).hasSize(64);
        assertThat(ContentHash.of(observed("b", T1))).isNotEqualTo(ContentHash.of(a));
    }
}
