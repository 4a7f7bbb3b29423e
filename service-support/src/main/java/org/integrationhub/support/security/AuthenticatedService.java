package org.integrationhub.support.security;

import java.util.Set;

/** Another hub service calling an internal endpoint, with the scopes its service token grants. */
public record AuthenticatedService(String name, Set<String> scopes) {

    public AuthenticatedService {
        scopes = Set.copyOf(scopes);
    }
}
