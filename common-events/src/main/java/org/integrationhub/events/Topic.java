package org.integrationhub.events;

import java.util.Objects;

/**
 * A Kafka topic with its key format and value event type held together; the catalogue is
 * {@link Topics}. {@code compacted} says the topic keeps only the latest value per key.
 */
public record Topic<K, V>(String name, KeyFormat<K> keys, EventType<V> values, boolean compacted) {

    static final String DEAD_LETTER_SUFFIX = "-dlt";

    public Topic {
        Objects.requireNonNull(name, "topic name is required");
        Objects.requireNonNull(keys, "topic key format is required");
        Objects.requireNonNull(values, "topic value type is required");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
    }

    /**
     * Where poison records of this topic go after bounded retries: same keys and values, named
     * name + "-dlt", and never compacted (every poison record must be kept for redrive).
     */
    public Topic<K, V> deadLetter() {
        return new Topic<>(name + DEAD_LETTER_SUFFIX, keys, values, false);
    }

    public boolean isDeadLetter() {
        return name.endsWith(DEAD_LETTER_SUFFIX);
    }

    @Override
    public String toString() {
        return name;
    }
}
