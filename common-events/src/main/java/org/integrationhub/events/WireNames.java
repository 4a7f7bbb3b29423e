package org.integrationhub.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Lower-case wire names for the enums of the contract ("jira", "pull_request"). */
final class WireNames {

    private WireNames() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** Finds the constant whose wire name is exactly {@code wireName}, or fails naming the valid values. */
    static <E extends Enum<E>> E parse(Class<E> type, String wireName) {
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (of(constant).equals(wireName)) {
                return constant;
            }
        }
        String valid = Arrays.stream(constants).map(WireNames::of).collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "unknown " + type.getSimpleName() + " '" + wireName + "'; expected one of: " + valid);
    }
}
