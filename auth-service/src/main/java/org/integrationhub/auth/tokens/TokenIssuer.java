package org.integrationhub.auth.tokens;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.integrationhub.auth.AuthSettings;
import org.integrationhub.auth.keys.JwtKeyRing;
import org.integrationhub.events.OrgId;
import org.integrationhub.support.security.HubClaims;
import org.integrationhub.support.security.JwtSettings;
import org.integrationhub.support.security.Role;
import org.springframework.stereotype.Component;

/**
 * Issues the hub's JWTs with jjwt: RS256 with the active key's {@code kid}, the hub's issuer and
 * audience, {@code sub}, {@code iat}, {@code nbf}, {@code exp} and a unique {@code jti}. User
 * tokens carry the organisation ({@code org}) and roles; service tokens carry scopes.
 */
@Component
public class TokenIssuer {

    private final JwtKeyRing keys;
    private final JwtSettings jwt;
    private final AuthSettings.Tokens settings;
    private final Clock clock;

    public TokenIssuer(JwtKeyRing keys, JwtSettings jwt, AuthSettings settings, Clock clock) {
        this.keys = keys;
        this.jwt = jwt;
        this.settings = settings.tokens();
        this.clock = clock;
    }

    public IssuedToken forUser(UUID userId, OrgId orgId, Collection<Role> roles) {
        List<String> roleClaims = roles.stream().map(Role::claimValue).sorted().toList();
        return sign(userId.toString(), settings.lifetime(), builder -> builder
                .claim(HubClaims.KIND, HubClaims.KIND_USER)
                .claim(HubClaims.ORG, orgId.toString())
                .claim(HubClaims.ROLES, roleClaims));
    }

    public IssuedToken forService(String serviceId, Collection<String> scopes) {
        return sign(HubClaims.SERVICE_SUBJECT_PREFIX + serviceId, settings.serviceLifetime(), builder -> builder
                .claim(HubClaims.KIND, HubClaims.KIND_SERVICE)
                .claim(HubClaims.SCOPE, String.join(" ", scopes.stream().sorted().toList())));
    }

    private IssuedToken sign(String subject, Duration lifetime, java.util.function.UnaryOperator<JwtBuilder> claims) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JwtKeyRing.SigningKey key = keys.activeKey();
        JwtBuilder builder = Jwts.builder()
                .header().keyId(key.id()).and()
                .issuer(jwt.issuer())
                .audience().add(jwt.audience()).and()
                .subject(subject)
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .notBefore(Date.from(now))
                .expiration(Date.from(expiresAt));
        String token = claims.apply(builder).signWith(key.privateKey(), Jwts.SIG.RS256).compact();
        return new IssuedToken(token, expiresAt, lifetime.toSeconds());
    }
}
