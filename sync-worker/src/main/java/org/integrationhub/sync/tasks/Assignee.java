package org.integrationhub.sync.tasks;

import java.util.Objects;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.Person;

/**
 * An external assignee as the user-mapping replica resolves it: by external user id first, then by
 * e-mail (case-insensitive), within one organisation and system.
 */
public record Assignee(OrgId org, ExternalSystem system, String externalUserId, String email) {

    public Assignee {
        Objects.requireNonNull(org, "org is required");
        Objects.requireNonNull(system, "system is required");
    }

    /** The assignee to resolve; null when there is none or it has neither a user id nor an e-mail. */
    public static Assignee of(OrgId org, ExternalSystem system, Person person) {
        if (person == null || (person.externalUserId() == null && person.email() == null)) {
            return null;
        }
        return new Assignee(org, system, person.externalUserId(), person.email());
    }
}
