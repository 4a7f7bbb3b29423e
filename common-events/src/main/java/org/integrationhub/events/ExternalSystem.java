package org.integrationhub.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The external systems a connection can point at; lower-case on the wire ("jira"). */
public enum ExternalSystem {
    JIRA, CONFLUENCE, GITHUB, SLACK;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    /** Parses "jira", "github", ...; throws IllegalArgumentException naming the valid values otherwise. */
    @JsonCreator
    public static ExternalSystem fromWireName(String wireName) {
        return WireNames.parse(ExternalSystem.class, wireName);
    }
}
