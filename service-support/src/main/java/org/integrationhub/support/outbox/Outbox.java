package org.integrationhub.support.outbox;

import io.r2dbc.postgresql.codec.Json;
import java.util.List;
import java.util.UUID;
import org.integrationhub.events.EventCodec;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.Topic;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Writes events into the service's {@code outbox} table, inside the caller's transaction, so an
 * event leaves (through {@link OutboxRelay}) if and only if the change it announces committed.
 * The envelope's eventId is the row id: a re-sent row keeps its event id.
 */
public class Outbox {

    private final DatabaseClient db;
    private final EventCodec codec;

    public Outbox(DatabaseClient db, EventCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    /** Adds an event for {@code key} on {@code topic}; {@code aggregateType} and {@code aggregateId} name what changed. */
    public <K, V> Mono<Void> add(Topic<K, V> topic, K key, EventEnvelope<V> envelope, String aggregateType, String aggregateId) {
        return db.sql("""
                insert into outbox (id, aggregate_type, aggregate_id, type, topic, message_key, payload)
                values (:id, :aggregateType, :aggregateId, :type, :topic, :key, :payload)""")
                .bind("id", envelope.eventId())
                .bind("aggregateType", aggregateType)
                .bind("aggregateId", aggregateId)
                .bind("type", envelope.type())
                .bind("topic", topic.name())
                .bind("key", topic.keys().format(key))
                .bind("payload", Json.of(codec.encode(envelope)))
                .then();
    }

    /** One event to add, its key already formatted for its topic. */
    public record Entry(String topic, String key, EventEnvelope<?> envelope, String aggregateType, String aggregateId) {

        public static <K, V> Entry of(Topic<K, V> topic, K key, EventEnvelope<V> envelope, String aggregateType, String aggregateId) {
            return new Entry(topic.name(), topic.keys().format(key), envelope, aggregateType, aggregateId);
        }
    }

    /**
     * Adds these events with one statement, in list order (the relay publishes them in that order), as
     * if each had been {@linkplain #add added} in turn.
     */
    public Mono<Void> addAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                insert into outbox (id, aggregate_type, aggregate_id, type, topic, message_key, payload)
                select id, aggregate_type, aggregate_id, type, topic, message_key, payload::jsonb
                  from unnest(:ids::uuid[], :aggregateTypes::text[], :aggregateIds::text[], :types::text[], :topics::text[],
                              :keys::text[], :payloads::text[])
                       with ordinality as e(id, aggregate_type, aggregate_id, type, topic, message_key, payload, position)
                 order by position""")
                .bind("ids", entries.stream().map(e -> e.envelope().eventId()).toArray(UUID[]::new))
                .bind("aggregateTypes", entries.stream().map(Entry::aggregateType).toArray(String[]::new))
                .bind("aggregateIds", entries.stream().map(Entry::aggregateId).toArray(String[]::new))
                .bind("types", entries.stream().map(e -> e.envelope().type()).toArray(String[]::new))
                .bind("topics", entries.stream().map(Entry::topic).toArray(String[]::new))
                .bind("keys", entries.stream().map(Entry::key).toArray(String[]::new))
                .bind("payloads", entries.stream().map(e -> codec.encodeToString(e.envelope())).toArray(String[]::new))
                .then();
    }

    /** Adds a tombstone for {@code key} (a null value: the key is deleted from a compacted topic). */
    public <K> Mono<Void> addTombstone(Topic<K, ?> topic, K key, java.util.UUID id, String aggregateType, String aggregateId) {
        return db.sql("""
                insert into outbox (id, aggregate_type, aggregate_id, type, topic, message_key, payload)
                values (:id, :aggregateType, :aggregateId, :type, :topic, :key, null)""")
                .bind("id", id)
                .bind("aggregateType", aggregateType)
                .bind("aggregateId", aggregateId)
                .bind("type", topic.values().name())
                .bind("topic", topic.name())
                .bind("key", topic.keys().format(key))
                .then();
    }
}
