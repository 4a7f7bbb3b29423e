package org.integrationhub.events;

/** How a topic's record key is written as a string and read back; {@code parse(format(k)).equals(k)}. */
public interface KeyFormat<K> {

    String format(K key);

    /** Reads a key back; throws IllegalArgumentException when {@code raw} is not in this format. */
    K parse(String raw);
}
