package org.integrationhub.support.security;

import java.util.Set;
import java.util.UUID;
import org.integrationhub.events.OrgId;

/**
 * The signed-in person behind a request, from a verified JWT. Handlers take it as
 * {@code @AuthenticationPrincipal AuthenticatedUser caller} and scope every query and write by
 * {@link #orgId()} — never by an organisation named in a body, query string or path.
 */
public record AuthenticatedUser(UUID userId, OrgId orgId, Set<Role> roles) {

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
