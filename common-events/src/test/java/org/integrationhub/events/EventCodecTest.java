package org.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void toleratesUnknownFieldsInEnvelopeAndPayload() {
        ObjectNode tree = (ObjectNode) codec.mapper().readTree(codec.encode(EventFixtures.taskObserved()));
        tree.put("traceparent", "00-abc-def-01");
        ((ObjectNode) tree.get("payload")).put("priority", "high");
        ((ObjectNode) tree.get("payload").get("assignee")).putObject("avatar").put("size", 48);

        EventEnvelope<?> decoded = codec.decode(codec.mapper().writeValueAsBytes(tree));

        assertThat(decoded).isEqualTo(EventFixtures.taskObserved());
    }

    @Test
    void rejectsUnknownEventTypeNamingIt() {
        String json = codec.encodeToString(EventFixtures.syncRequested())
                .replace("integration.sync-requested", "integration.sync-cancelled");

        assertThatThrownBy(() -> codec.decode(utf8(json)))
                .isInstanceOf(UnknownEventType.class)
                .hasMessageContaining("integration.sync-cancelled")
                .satisfies(e -> assertThat(((UnknownEventType) e).typeName()).isEqualTo("integration.sync-cancelled"));
    }

    @Test
    void rejectsNewerSchemaVersionThanItKnows() {
        ObjectNode tree = (ObjectNode) codec.mapper().readTree(codec.encode(EventFixtures.syncRequested()));
        tree.put("schemaVersion", 2);

        assertThatThrownBy(() -> codec.decode(codec.mapper().writeValueAsBytes(tree)))
                .isInstanceOf(UnknownEventType.class)
                .hasMessageContaining("integration.sync-requested")
                .hasMessageContaining("schemaVersion 2");
    }

    @Test
    void rejectsMalformedJson() {
        assertThatThrownBy(() -> codec.decode(utf8("{\"type\": \"integration.sync-requested\", ")))
                .isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> codec.decode(utf8("[1, 2]"))).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> codec.decode(utf8("{\"schemaVersion\": 1}")))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("type");
    }

    @Test
    void rejectsEnvelopeWhosePayloadDoesNotFitItsType() {
        ObjectNode tree = (ObjectNode) codec.mapper().readTree(codec.encode(EventFixtures.syncRequested()));
        ((ObjectNode) tree.get("payload")).put("connectionId", "not-a-uuid");
        byte[] badId = codec.mapper().writeValueAsBytes(tree);
        tree.remove("payload");
        byte[] noPayload = codec.mapper().writeValueAsBytes(tree);

        assertThatThrownBy(() -> codec.decode(badId)).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> codec.decode(noPayload))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("payload");
    }

    @Test
    void decodesTheExpectedTypeAndRejectsAnother() {
        byte[] json = codec.encode(EventFixtures.syncRequested());

        EventEnvelope<SyncRequested> decoded = codec.decode(json, EventTypes.SYNC_REQUESTED);
        assertThat(decoded.payload().trigger()).isEqualTo(SyncRequested.Trigger.MANUAL);
        assertThatThrownBy(() -> codec.decode(json, EventTypes.TASK_OBSERVED))
                .isInstanceOf(UnexpectedEventType.class)
                .hasMessageContaining("integration.task-observed")
                .hasMessageContaining("integration.sync-requested");
    }

    @Test
    void writesNullsExplicitlyAndFieldsInDeclarationOrder() {
        var tombstone = TaskObserved.tombstone(EventFixtures.CONNECTION, ExternalSystem.GITHUB, "owner/repo#12",
                EventFixtures.AT, TaskObserved.Source.WEBHOOK);
        String json = codec.encodeToString(EventEnvelope.of(EventTypes.TASK_OBSERVED, EventFixtures.ORG,
                "webhook:github:x:y", tombstone, EventFixtures.CLOCK));

        assertThat(json).contains("\"assignee\":null", "\"rawPayload\":null", "\"labels\":[]", "\"deleted\":true",
                "\"occurredAt\":\"2026-11-22T10:15:30.123Z\"");
        assertThat(json).containsSubsequence("\"eventId\"", "\"type\"", "\"schemaVersion\"", "\"occurredAt\"",
                "\"orgId\"", "\"idempotencyKey\"", "\"payload\"", "\"connectionId\"", "\"system\"", "\"externalId\"");
        assertThat(codec.decode(utf8(json)).payload()).isEqualTo(tombstone);
    }

    @Test
    void refusesToEncodeAPayloadThatDoesNotMatchItsType() {
        var wrong = new EventEnvelope<Object>(EventFixtures.eventId(9), EventTypes.SYNC_REQUESTED.name(), 1,
                Instant.EPOCH, EventFixtures.ORG, "k", EventFixtures.taskObserved().payload());

        assertThatThrownBy(() -> codec.encode(wrong)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givesPayloadAsTheRequestedTypeOnly() {
        EventEnvelope<?> decoded = codec.decode(codec.encode(EventFixtures.userMappingChanged()));

        assertThat(decoded.payloadAs(EventTypes.USER_MAPPING_CHANGED).resourceId()).isEqualTo(EventFixtures.RESOURCE);
        assertThatThrownBy(() -> decoded.payloadAs(EventTypes.TASK_OBSERVED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mapping.user-mapping-changed");
    }

    @Test
    void stampsEnvelopeFromTypeAndClock() {
        var envelope = EventEnvelope.of(EventTypes.SYNC_REQUESTED, EventFixtures.ORG, "k",
                EventFixtures.syncRequested().payload(), EventFixtures.CLOCK);

        assertThat(envelope.type()).isEqualTo("integration.sync-requested");
        assertThat(envelope.schemaVersion()).isEqualTo(1);
        assertThat(envelope.occurredAt()).isEqualTo(EventFixtures.AT);
        assertThat(envelope.eventId()).isNotEqualTo(EventFixtures.syncRequested().eventId());
    }

    @Test
    void requiresTheEnvelopeFields() {
        var payload = EventFixtures.syncRequested().payload();

        assertThatThrownBy(() -> EventEnvelope.of(EventTypes.SYNC_REQUESTED, EventFixtures.ORG, "k", null,
                EventFixtures.CLOCK)).isInstanceOf(NullPointerException.class).hasMessageContaining("payload");
        assertThatThrownBy(() -> EventEnvelope.of(EventTypes.SYNC_REQUESTED, null, "k", payload, EventFixtures.CLOCK))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("orgId");
        assertThatThrownBy(() -> EventEnvelope.of(EventTypes.SYNC_REQUESTED, EventFixtures.ORG, null, payload,
                EventFixtures.CLOCK)).isInstanceOf(NullPointerException.class).hasMessageContaining("idempotencyKey");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
