package org.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TypedIdsTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void writesIdsAsPlainUuidStrings() {
        ConnectionId id = ConnectionId.of("7c9e6679-7425-40de-944b-e07fc1f90ae7");

        assertThat(codec.mapper().writeValueAsString(id)).isEqualTo("\"7c9e6679-7425-40de-944b-e07fc1f90ae7\"");
        assertThat(codec.mapper().readValue("\"7c9e6679-7425-40de-944b-e07fc1f90ae7\"", ConnectionId.class))
                .isEqualTo(id);
        assertThat(id).hasToString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    }

    @Test
    void rejectsWhatIsNotACanonicalUuid() {
        assertThatThrownBy(() -> OrgId.of("1-1-1-1-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OrgId");
        assertThatThrownBy(() -> TaskId.of(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TaskId");
    }

    @Test
    void givesFreshRandomIds() {
        assertThat(SyncRunId.random()).isNotEqualTo(SyncRunId.random());
        assertThat(MappingId.of(MappingId.random().toString())).isNotNull();
    }

    @Test
    void readsAndWritesExternalSystemsInLowerCase() {
        assertThat(codec.mapper().writeValueAsString(ExternalSystem.GITHUB)).isEqualTo("\"github\"");
        assertThat(ExternalSystem.fromWireName("confluence")).isEqualTo(ExternalSystem.CONFLUENCE);
        assertThatThrownBy(() -> ExternalSystem.fromWireName("trello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trello")
                .hasMessageContaining("jira, confluence, github, slack");
    }
}
