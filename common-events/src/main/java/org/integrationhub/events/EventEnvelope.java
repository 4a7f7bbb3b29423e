package org.integrationhub.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every value on every topic travels in: a stable event id, the logical event
 * type and its schema version, when it happened, the owning organisation, the idempotency key
 * consumers de-duplicate on, and the payload record.
 */
public record EventEnvelope<T>(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        OrgId orgId,
        String idempotencyKey,
        T payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId is required");
        Objects.requireNonNull(type, "type is required");
        Objects.requireNonNull(occurredAt, "occurredAt is required");
        Objects.requireNonNull(orgId, "orgId is required");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey is required");
        Objects.requireNonNull(payload, "payload is required");
        if (idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey must not be blank");
        }
    }

    /** Wraps a payload under a fresh random event id, stamped with the clock's current instant. */
    public static <T> EventEnvelope<T> of(EventType<T> type, OrgId orgId, String idempotencyKey, T payload, Clock clock) {
        return of(UUID.randomUUID(), type, orgId, idempotencyKey, payload, clock);
    }

    /** Wraps a payload under a caller-chosen event id (stable across retries, e.g. an outbox row id). */
    public static <T> EventEnvelope<T> of(UUID eventId, EventType<T> type, OrgId orgId, String idempotencyKey,
            T payload, Clock clock) {
        Objects.requireNonNull(type, "type is required");
        Objects.requireNonNull(clock, "clock is required");
        return new EventEnvelope<>(eventId, type.name(), type.schemaVersion(), clock.instant(), orgId,
                idempotencyKey, payload);
    }

    /** The payload as the given type's record; IllegalStateException when this envelope is another type. */
    public <P> P payloadAs(EventType<P> expected) {
        Objects.requireNonNull(expected, "expected event type is required");
        if (!expected.name().equals(type)) {
            throw new IllegalStateException("envelope " + eventId + " is of type '" + type
                    + "', not '" + expected.name() + "'");
        }
        if (!expected.payloadType().isInstance(payload)) {
            throw new IllegalStateException("envelope " + eventId + " of type '" + type + "' carries a "
                    + payload.getClass().getSimpleName() + ", not a " + expected.payloadType().getSimpleName());
        }
        return expected.payloadType().cast(payload);
    }
}
