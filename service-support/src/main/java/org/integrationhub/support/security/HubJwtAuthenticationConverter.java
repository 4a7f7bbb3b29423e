package org.integrationhub.support.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.integrationhub.events.OrgId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;

/**
 * Turns a verified JWT into the caller: a user (ROLE_USER plus ROLE_ADMIN / ROLE_MEMBER / ROLE_OPS)
 * or a service (ROLE_SERVICE plus SCOPE_x for each granted scope). A token that is neither is invalid.
 */
final class HubJwtAuthenticationConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromCallable(() -> switch (String.valueOf(jwt.getClaimAsString(HubClaims.KIND))) {
            case HubClaims.KIND_USER -> user(jwt);
            case HubClaims.KIND_SERVICE -> service(jwt);
            default -> throw new InvalidBearerTokenException("The token is of no known kind");
        });
    }

    private static AbstractAuthenticationToken user(Jwt jwt) {
        try {
            UUID userId = UUID.fromString(jwt.getSubject());
            OrgId orgId = OrgId.of(jwt.getClaimAsString(HubClaims.ORG));
            List<String> roleClaims = jwt.getClaimAsStringList(HubClaims.ROLES);
            Set<Role> roles = new HashSet<>();
            List<GrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_USER")));
            for (String claim : roleClaims == null ? List.<String>of() : roleClaims) {
                Role role = Role.fromClaim(claim);
                roles.add(role);
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
            }
            return new HubAuthentication(new AuthenticatedUser(userId, orgId, roles), jwt, authorities);
        } catch (RuntimeException malformed) {
            throw new InvalidBearerTokenException("The user token lacks a valid subject, organisation or role");
        }
    }

    private static AbstractAuthenticationToken service(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || !subject.startsWith(HubClaims.SERVICE_SUBJECT_PREFIX)) {
            throw new InvalidBearerTokenException("The service token lacks a service subject");
        }
        String scopeClaim = jwt.getClaimAsString(HubClaims.SCOPE);
        Set<String> scopes = scopeClaim == null ? Set.of() : Set.copyOf(Arrays.asList(scopeClaim.trim().split("\\s+")));
        List<GrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_SERVICE")));
        scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        var service = new AuthenticatedService(subject.substring(HubClaims.SERVICE_SUBJECT_PREFIX.length()), scopes);
        return new HubAuthentication(service, jwt, authorities);
    }
}
