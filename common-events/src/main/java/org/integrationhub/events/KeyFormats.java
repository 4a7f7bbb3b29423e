package org.integrationhub.events;

import java.util.Objects;

/** The key formats the topic catalogue uses. */
public final class KeyFormats {

    /** A connection id as its UUID string. */
    public static final KeyFormat<ConnectionId> CONNECTION_ID = new KeyFormat<>() {
        @Override
        public String format(ConnectionId key) {
            return Objects.requireNonNull(key, "key is required").toString();
        }

        @Override
        public ConnectionId parse(String raw) {
            return ConnectionId.of(raw);
        }
    };

    /** "orgId:system:externalId". */
    public static final KeyFormat<TaskKey> TASK_KEY = new KeyFormat<>() {
        @Override
        public String format(TaskKey key) {
            return Objects.requireNonNull(key, "key is required").format();
        }

        @Override
        public TaskKey parse(String raw) {
            return TaskKey.parse(raw);
        }
    };

    /** "orgId:system:externalKey". */
    public static final KeyFormat<UserMappingKey> USER_MAPPING_KEY = new KeyFormat<>() {
        @Override
        public String format(UserMappingKey key) {
            return Objects.requireNonNull(key, "key is required").format();
        }

        @Override
        public UserMappingKey parse(String raw) {
            return UserMappingKey.parse(raw);
        }
    };

    private KeyFormats() {
    }

    /**
     * Splits "orgId:system:rest" on its first two colons only, so {@code rest} may contain colons.
     * Returns the three parts; IllegalArgumentException when one is missing or empty.
     */
    static String[] splitScoped(String keyType, String raw) {
        Objects.requireNonNull(raw, () -> keyType + " string is required");
        int first = raw.indexOf(':');
        int second = first < 0 ? -1 : raw.indexOf(':', first + 1);
        if (second < 0 || second == raw.length() - 1) {
            throw new IllegalArgumentException(keyType + " must look like 'orgId:system:id', got '" + raw + "'");
        }
        return new String[] {raw.substring(0, first), raw.substring(first + 1, second), raw.substring(second + 1)};
    }
}
