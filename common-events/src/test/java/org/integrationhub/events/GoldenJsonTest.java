package org.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The wire shape of every event type is pinned by a hand-written file in src/test/resources/golden.
 * Renaming, retyping or dropping a field fails here; update the golden file only on purpose.
 */
class GoldenJsonTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void roundTripsSyncRequestedThroughGoldenJson() {
        assertRoundTripsThroughGoldenJson(EventFixtures.syncRequested());
    }

    @Test
    void roundTripsWebhookReceivedThroughGoldenJson() {
        assertRoundTripsThroughGoldenJson(EventFixtures.webhookReceivedEnvelope());
    }

    @Test
    void roundTripsConnectionSnapshotThroughGoldenJson() {
        assertRoundTripsThroughGoldenJson(EventFixtures.connectionSnapshot());
    }

    @Test
    void roundTripsTaskObservedThroughGoldenJson() {
        assertRoundTripsThroughGoldenJson(EventFixtures.taskObserved());
    }

    @Test
    void roundTripsUserMappingChangedThroughGoldenJson() {
        assertRoundTripsThroughGoldenJson(EventFixtures.userMappingChanged());
    }

    @Test
    void roundTripsExternalTaskUpdatedThroughGoldenJson() {
        assertRoundTripsThroughGoldenJson(EventFixtures.externalTaskUpdated());
    }

    @Test
    void readsTaskObservedWrittenBeforeSyncRunIdExisted() {
        var current = EventFixtures.taskObserved();

        EventEnvelope<?> decoded = codec.decode(withoutPayloadField(current.type(), "syncRunId"));

        var legacy = ((TaskObserved) decoded.payload());
        assertThat(legacy.syncRunId()).isNull();
        assertThat(legacy.publishedBy(current.payload().syncRunId())).isEqualTo(current.payload());
    }

    @Test
    void readsConnectionSnapshotWrittenBeforeSiteUrlExisted() {
        var current = EventFixtures.connectionSnapshot();

        var legacy = (ConnectionSnapshot) codec.decode(withoutPayloadField(current.type(), "siteUrl")).payload();

        assertThat(legacy.siteUrl()).isNull();
        assertThat(legacy.baseUrl()).isEqualTo(current.payload().baseUrl());
    }

    @Test
    void coversEveryCataloguedEventTypeWithAGoldenFile() {
        List<EventEnvelope<?>> fixtures = List.of(EventFixtures.syncRequested(), EventFixtures.webhookReceivedEnvelope(),
                EventFixtures.connectionSnapshot(), EventFixtures.taskObserved(), EventFixtures.userMappingChanged(),
                EventFixtures.externalTaskUpdated());

        assertThat(fixtures).extracting(EventEnvelope::type)
                .containsExactlyInAnyOrderElementsOf(EventTypes.all().stream().map(EventType::name).toList());
        EventTypes.all().forEach(type -> assertThat(golden(type.name())).isNotEmpty());
    }

    private void assertRoundTripsThroughGoldenJson(EventEnvelope<?> envelope) {
        byte[] golden = golden(envelope.type());

        JsonNode encoded = codec.mapper().readTree(codec.encode(envelope));
        assertThat(encoded).isEqualTo(codec.mapper().readTree(golden));
        assertThat(codec.decode(golden)).isEqualTo(envelope);
    }

    /** The golden record as a reader of an older producer would get it: without one optional payload field. */
    private byte[] withoutPayloadField(String eventTypeName, String field) {
        var node = (tools.jackson.databind.node.ObjectNode) codec.mapper().readTree(golden(eventTypeName));
        ((tools.jackson.databind.node.ObjectNode) node.get("payload")).remove(field);
        return codec.mapper().writeValueAsBytes(node);
    }

    private static byte[] golden(String eventTypeName) {
        String path = "/golden/" + eventTypeName + ".json";
        try (InputStream in = GoldenJsonTest.class.getResourceAsStream(path)) {
            assertThat(in).as("golden file %s", path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
