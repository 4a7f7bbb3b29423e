package org.integrationhub.support.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service verifies the hub's JWTs ({@code hub.security.jwt.*}): where the JWKS is, which
 * issuer and audience to demand, how much clock skew to forgive, and how often the key set may
 * be fetched again (at most once per {@code jwksMinRefreshInterval} for an unknown key id, and
 * at least once per {@code jwksMaxAge}).
 */
@ConfigurationProperties("hub.security.jwt")
public record JwtSettings(URI jwksUri, String issuer, String audience, Duration clockSkew,
        Duration jwksMinRefreshInterval, Duration jwksMaxAge) {
}
