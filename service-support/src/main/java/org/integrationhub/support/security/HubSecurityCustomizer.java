package org.integrationhub.support.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * Lets a service open or restrict paths before the shared rules apply (for example auth-service
 * opens registration and login). Rules added here are matched first.
 */
@FunctionalInterface
public interface HubSecurityCustomizer {

    void customize(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);
}
