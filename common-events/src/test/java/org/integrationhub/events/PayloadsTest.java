package org.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadsTest {

    @Test
    void copiesListsSoPayloadsStayImmutable() {
        List<String> labels = new ArrayList<>(List.of("ops"));
        TaskObserved task = new TaskObserved(EventFixtures.CONNECTION, ExternalSystem.JIRA, "1", null, null, null,
                null, null, null, null, labels, null, null, EventFixtures.AT, false, TaskObserved.Source.POLL, null);
        labels.add("later");

        assertThat(task.labels()).containsExactly("ops");
        assertThatThrownBy(() -> task.labels().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void marksTombstonesDeletedWithOnlyTheIdentity() {
        TaskObserved tombstone = TaskObserved.tombstone(EventFixtures.CONNECTION, ExternalSystem.GITHUB,
                "owner/repo#12", EventFixtures.AT, TaskObserved.Source.WEBHOOK);

        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.title()).isNull();
        assertThat(tombstone.labels()).isEmpty();
    }

    @Test
    void rejectsAPersonWithNothingToIdentifyThem() {
        assertThatThrownBy(() -> new Person(null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Person(null, "ada@example.com", null).email()).isEqualTo("ada@example.com");
    }

    @Test
    void writesPayloadEnumsInLowerCase() {
        EventCodec codec = new EventCodec();

        assertThat(codec.mapper().writeValueAsString(TaskObserved.Kind.PULL_REQUEST)).isEqualTo("\"pull_request\"");
        assertThat(codec.mapper().readValue("\"schedule\"", SyncRequested.Trigger.class))
                .isEqualTo(SyncRequested.Trigger.SCHEDULE);
        assertThat(codec.mapper().writeValueAsString(ExternalTaskUpdated.Change.DELETED)).isEqualTo("\"deleted\"");
    }
}
