package org.integrationhub.sandbox.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The OAuth 2.0 authorization server behind every provider of the sandbox: authorization codes
 * bound to client, redirect URI and (when sent) a PKCE challenge; access tokens with an expiry;
 * refresh tokens in families that rotate on every use. A rotated-out refresh token stays usable
 * for the provider's reuse interval (Atlassian: 10 minutes); a reuse after that revokes the
 * whole family. Providers shape the answers (JSON, form, HTTP 200 errors) themselves.
 */
@Component
public class OAuthServer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private final Clock clock;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Family> familyByRefreshToken = new ConcurrentHashMap<>();
    private final Map<Provider, AtomicInteger> refreshes = new ConcurrentHashMap<>();

    public OAuthServer(Clock clock) {
        this.clock = clock;
    }

    private record Code(Provider provider, String clientId, String redirectUri, String scope, String challenge, String method,
            String subject, Instant expiresAt) {
    }

    /** One chain of rotating refresh tokens. */
    private static final class Family {
        final Provider provider;
        final String clientId;
        final String subject;
        final String scope;
        String current;
        String previous;
        Instant rotatedAt;
        boolean revoked;

        Family(Provider provider, String clientId, String subject, String scope, String current) {
            this.provider = provider;
            this.clientId = clientId;
            this.subject = subject;
            this.scope = scope;
            this.current = current;
        }
    }

    /** Issues a single-use authorization code after the user consented. */
    public String issueCode(Provider provider, String clientId, String redirectUri, String scope, String codeChallenge,
            String challengeMethod, String subject) {
        String code = random(24);
        codes.put(code, new Code(provider, clientId, redirectUri, scope, codeChallenge, challengeMethod, subject,
                clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** Exchanges a code; the client must already be authenticated by the caller. */
    public OAuthResult redeemCode(Provider provider, String code, String clientId, String redirectUri, String codeVerifier,
            Duration accessLifetime, boolean withRefreshToken) {
        Code issued = code == null ? null : codes.remove(code);
        if (issued == null || issued.provider() != provider || !issued.clientId().equals(clientId)
                || issued.expiresAt().isBefore(clock.instant())) {
            return OAuthResult.failed(OAuthError.INVALID_GRANT);
        }
        if (redirectUri != null && !redirectUri.equals(issued.redirectUri())) {
            return OAuthResult.failed(OAuthError.REDIRECT_MISMATCH);
        }
        if (issued.challenge() != null && !pkceMatches(issued.challenge(), issued.method(), codeVerifier)) {
            return OAuthResult.failed(OAuthError.PKCE_FAILED);
        }
        return OAuthResult.ok(tokens(provider, clientId, issued.subject(), issued.scope(), accessLifetime, withRefreshToken, null));
    }

    /**
     * Rotates a refresh token. The current token, or a rotated-out one within {@code reuseInterval},
     * yields a new pair; anything else fails, and a late reuse revokes the family.
     */
    public synchronized OAuthResult refresh(Provider provider, String refreshToken, String clientId, Duration accessLifetime,
            Duration reuseInterval) {
        Family family = refreshToken == null ? null : familyByRefreshToken.get(refreshToken);
        if (family == null || family.provider != provider || !family.clientId.equals(clientId) || family.revoked) {
            return OAuthResult.failed(OAuthError.INVALID_GRANT);
        }
        if (!refreshToken.equals(family.current)) {
            boolean withinReuse = refreshToken.equals(family.previous)
                    && family.rotatedAt.plus(reuseInterval).isAfter(clock.instant());
            if (!withinReuse) {
                family.revoked = true;
                return OAuthResult.failed(OAuthError.INVALID_GRANT);
            }
        }
        refreshes.computeIfAbsent(provider, p -> new AtomicInteger()).incrementAndGet();
        return OAuthResult.ok(tokens(provider, clientId, family.subject, family.scope, accessLifetime, true, family));
    }

    private TokenPair tokens(Provider provider, String clientId, String subject, String scope, Duration lifetime,
            boolean withRefreshToken, Family family) {
        String access = prefix(provider) + random(32);
        Instant expiresAt = clock.instant().plus(lifetime);
        accessTokens.put(access, new AccessGrant(provider, subject, scope, expiresAt));
        String refresh = null;
        if (withRefreshToken) {
            refresh = refreshPrefix(provider) + random(32);
            Family chain = family == null ? new Family(provider, clientId, subject, scope, refresh) : family;
            if (family != null) {
                chain.previous = chain.current;
                chain.rotatedAt = clock.instant();
                chain.current = refresh;
            }
            familyByRefreshToken.put(refresh, chain);
        }
        return new TokenPair(access, expiresAt, lifetime.toSeconds(), refresh, scope, subject);
    }

    /** The grant behind a valid, unexpired access token of this provider. */
    public Optional<AccessGrant> authenticate(Provider provider, String accessToken) {
        AccessGrant grant = accessToken == null ? null : accessTokens.get(accessToken);
        return grant != null && grant.provider() == provider && grant.expiresAt().isAfter(clock.instant())
                ? Optional.of(grant) : Optional.empty();
    }

    /** Revokes an access token, or the whole family of a refresh token. */
    public synchronized void revoke(String token) {
        accessTokens.remove(token);
        Family family = familyByRefreshToken.get(token);
        if (family != null) {
            family.revoked = true;
        }
    }

    /** Fault knob: every access token of the provider expires now. */
    public void expireAccessTokensNow(Provider provider) {
        Instant past = clock.instant().minusSeconds(1);
        accessTokens.replaceAll((token, grant) -> grant.provider() == provider
                ? new AccessGrant(provider, grant.subject(), grant.scope(), past) : grant);
    }

    /** Fault knob: every refresh token family of the provider is revoked. */
    public synchronized void revokeRefreshTokens(Provider provider) {
        familyByRefreshToken.values().stream().filter(f -> f.provider == provider).forEach(f -> f.revoked = true);
    }

    /** How many successful refreshes the provider has answered. */
    public int refreshCount(Provider provider) {
        return refreshes.computeIfAbsent(provider, p -> new AtomicInteger()).get();
    }

    static boolean pkceMatches(String challenge, String method, String verifier) {
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128) {
            return false;
        }
        if ("plain".equals(method)) {
            return MessageDigest.isEqual(challenge.getBytes(StandardCharsets.US_ASCII), verifier.getBytes(StandardCharsets.US_ASCII));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String prefix(Provider provider) {
        return switch (provider) {
            case ATLASSIAN -> "atl_";
            case GITHUB -> "gho_";
            case SLACK -> "xoxb-";
        };
    }

    private static String refreshPrefix(Provider provider) {
        return switch (provider) {
            case ATLASSIAN -> "atlr_";
            case GITHUB -> "ghr_";
            case SLACK -> "xoxe-1-";
        };
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
