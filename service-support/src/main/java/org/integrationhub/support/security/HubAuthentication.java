package org.integrationhub.support.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A verified hub JWT: its principal is an {@link AuthenticatedUser} or an {@link AuthenticatedService}. */
final class HubAuthentication extends AbstractAuthenticationToken {

    private final Object principal;
    private final Jwt token;

    HubAuthentication(Object principal, Jwt token, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.principal = principal;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return token.getSubject();
    }
}
