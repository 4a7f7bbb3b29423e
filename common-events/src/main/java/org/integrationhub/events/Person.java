package org.integrationhub.events;

/**
 * A person as the external system knows them (an assignee). Every field is nullable — providers
 * reveal different things — but at least one is present.
 */
public record Person(String externalUserId, String email, String displayName) {

    public Person {
        if (externalUserId == null && email == null && displayName == null) {
            throw new IllegalArgumentException("a Person needs at least one of externalUserId, email, displayName");
        }
    }
}
