package org.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesEveryTopicOnce() {
        assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void carriesOnlyCataloguedEventTypes() {
        assertThat(Topics.all()).extracting(Topic::values).allSatisfy(type -> assertThat(EventTypes.all()).contains(type));
    }

    @Test
    void compactsOnlyTheStateTopics() {
        assertThat(Topics.all()).filteredOn(Topic::compacted)
                .containsExactlyInAnyOrder(Topics.CONNECTIONS, Topics.USER_MAPPINGS);
    }

    @Test
    void namesDeadLetterTopicAfterItsSource() {
        Topic<TaskKey, TaskObserved> dlt = Topics.TASK_OBSERVATIONS.deadLetter();

        assertThat(dlt.name()).isEqualTo("integration.task-observations-dlt");
        assertThat(dlt.keys()).isSameAs(Topics.TASK_OBSERVATIONS.keys());
        assertThat(dlt.values()).isSameAs(EventTypes.TASK_OBSERVED);
        assertThat(dlt.isDeadLetter()).isTrue();
        assertThat(Topics.CONNECTIONS.deadLetter().compacted()).isFalse();
        assertThat(Topics.byName("mapping.user-mappings-dlt")).contains(Topics.USER_MAPPINGS.deadLetter());
    }

    @Test
    void formatsAndParsesTaskKeysWithColonsAndGitHubIds() {
        var withColons = new TaskKey(EventFixtures.ORG, ExternalSystem.SLACK, "C024BE91L:1700000000.000100");
        var pullRequest = new TaskKey(EventFixtures.ORG, ExternalSystem.GITHUB, "owner/repo#12");
        KeyFormat<TaskKey> keys = Topics.TASK_OBSERVATIONS.keys();

        assertThat(keys.format(withColons))
                .isEqualTo("0b5b3a52-5c8e-4d6a-9f5e-1a2b3c4d5e01:slack:C024BE91L:1700000000.000100");
        assertThat(keys.parse(keys.format(withColons))).isEqualTo(withColons);
        assertThat(keys.format(pullRequest)).isEqualTo("0b5b3a52-5c8e-4d6a-9f5e-1a2b3c4d5e01:github:owner/repo#12");
        assertThat(keys.parse(keys.format(pullRequest))).isEqualTo(pullRequest);
    }

    @Test
    void formatsAndParsesUserMappingAndConnectionKeys() {
        var mappingKey = new UserMappingKey(EventFixtures.ORG, ExternalSystem.JIRA, "ada@example.com");

        assertThat(Topics.USER_MAPPINGS.keys().parse(Topics.USER_MAPPINGS.keys().format(mappingKey))).isEqualTo(mappingKey);
        assertThat(Topics.SYNC_REQUESTS.keys().format(EventFixtures.CONNECTION))
                .isEqualTo("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        assertThat(Topics.CONNECTIONS.keys().parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"))
                .isEqualTo(EventFixtures.CONNECTION);
    }

    @Test
    void rejectsKeysThatAreNotOrgSystemId() {
        assertThatThrownBy(() -> TaskKey.parse("0b5b3a52-5c8e-4d6a-9f5e-1a2b3c4d5e01:jira"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orgId:system:id");
        assertThatThrownBy(() -> TaskKey.parse("0b5b3a52-5c8e-4d6a-9f5e-1a2b3c4d5e01:jira:"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskKey.parse("0b5b3a52-5c8e-4d6a-9f5e-1a2b3c4d5e01:trello:1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trello");
    }
}
