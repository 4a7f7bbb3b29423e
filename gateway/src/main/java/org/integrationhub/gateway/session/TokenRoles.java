package org.integrationhub.gateway.session;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The roles claim of a session's access token, read without verifying it: only to decide what
 * the pages offer (the operator page's link). Every service verifies the token itself and refuses
 * what the roles do not allow, so a forged claim gains nothing.
 */
public final class TokenRoles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenRoles() {
    }

    public static Set<String> of(BrowserSession session) {
        String[] parts = session.accessToken().split("\\.");
        Set<String> roles = new HashSet<>();
        if (parts.length < 2) {
            return roles;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            claims.path("roles").forEach(role -> roles.add(role.asString()));
        } catch (RuntimeException unreadable) {
            // not a JWT we can read: no roles to offer pages for
        }
        return roles;
    }
}
