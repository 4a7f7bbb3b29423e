package org.integrationhub.support.security;

import java.util.Locale;

/** A user's role in their organisation, as carried in the {@code roles} claim. */
public enum Role {
    ADMIN, MEMBER, OPS;

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromClaim(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
