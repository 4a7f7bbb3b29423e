package org.integrationhub.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads {@link EventEnvelope}s as JSON. The envelope's {@code type} picks the payload
 * record from {@link EventTypes}. Thread-safe and reusable: create one and share it.
 */
public final class EventCodec {

    private final JsonMapper mapper;

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .changeDefaultPropertyInclusion(inclusion -> JsonInclude.Value.ALL_ALWAYS)
                .build();
    }

    /** The configured mapper (immutable), for modules that need the same JSON conventions. */
    public JsonMapper mapper() {
        return mapper;
    }

    public byte[] encode(EventEnvelope<?> envelope) {
        checkEncodable(envelope);
        return mapper.writeValueAsBytes(envelope);
    }

    public String encodeToString(EventEnvelope<?> envelope) {
        return new String(encode(envelope), StandardCharsets.UTF_8);
    }

    /**
     * Reads an envelope of any catalogued type.
     *
     * @throws MalformedEvent when the bytes are not a well-formed envelope
     * @throws UnknownEventType when the type (or its schema version) is not in the catalogue
     */
    public EventEnvelope<?> decode(byte[] json) {
        JsonNode tree = readEnvelopeTree(json);
        String typeName = typeNameOf(tree);
        EventType<?> type = EventTypes.byName(typeName).orElseThrow(() -> new UnknownEventType(typeName));
        return bind(tree, type);
    }

    /**
     * Reads an envelope that must be of the {@code expected} type.
     *
     * @throws UnexpectedEventType when it is of another type
     */
    public <T> EventEnvelope<T> decode(byte[] json, EventType<T> expected) {
        Objects.requireNonNull(expected, "expected event type is required");
        JsonNode tree = readEnvelopeTree(json);
        String typeName = typeNameOf(tree);
        if (!expected.name().equals(typeName)) {
            throw new UnexpectedEventType(expected.name(), typeName);
        }
        return bind(tree, expected);
    }

    private JsonNode readEnvelopeTree(byte[] json) {
        Objects.requireNonNull(json, "json is required");
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEvent("event is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedEvent("event must be a JSON object");
        }
        return tree;
    }

    private static String typeNameOf(JsonNode tree) {
        JsonNode type = tree.get("type");
        if (type == null || !type.isString() || type.stringValue().isBlank()) {
            throw new MalformedEvent("event has no 'type' string");
        }
        return type.stringValue();
    }

    private <T> EventEnvelope<T> bind(JsonNode tree, EventType<T> type) {
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new MalformedEvent("event of type '" + type.name() + "' has no integer 'schemaVersion'");
        }
        checkVersion(type, version.intValue());
        JavaType envelopeType = mapper.getTypeFactory()
                .constructParametricType(EventEnvelope.class, type.payloadType());
        try {
            return mapper.treeToValue(tree, envelopeType);
        } catch (JacksonException e) {
            throw new MalformedEvent("event of type '" + type.name() + "' does not match its schema: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static void checkEncodable(EventEnvelope<?> envelope) {
        Objects.requireNonNull(envelope, "envelope is required");
        EventType<?> type = EventTypes.byName(envelope.type())
                .orElseThrow(() -> new UnknownEventType(envelope.type()));
        checkVersion(type, envelope.schemaVersion());
        if (!type.payloadType().isInstance(envelope.payload())) {
            throw new IllegalArgumentException("event type '" + type.name() + "' carries a "
                    + type.payloadType().getSimpleName() + ", not a " + envelope.payload().getClass().getSimpleName());
        }
    }

    private static void checkVersion(EventType<?> type, int schemaVersion) {
        if (schemaVersion < 1 || schemaVersion > type.schemaVersion()) {
            throw new UnknownEventType(type.name(), schemaVersion, type.schemaVersion());
        }
    }
}
