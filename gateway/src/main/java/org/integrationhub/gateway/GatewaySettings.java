package org.integrationhub.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.integrationhub.support.crypto.KeyRing;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's configuration ({@code hub.gateway.*}): where each service is, the time limits for
 * their answers, the browser session cookie and its keys, how many sign-in attempts one
 * address may make in a window, and the origins of the OAuth providers' consent pages (which the
 * CSP's {@code form-action} must allow, since the "Connect" forms are redirected there).
 */
@ConfigurationProperties("hub.gateway")
public record GatewaySettings(Services services, Timeouts timeouts, Session session, SignInLimit signInLimit,
        List<String> oauthConsentOrigins) {

    public GatewaySettings {
        oauthConsentOrigins = oauthConsentOrigins == null ? List.of() : List.copyOf(oauthConsentOrigins);
    }

    /** Base addresses of the services the gateway routes to and the web UI calls. */
    public record Services(URI auth, URI connector, URI webhooks, URI tasks, URI mappings) {
    }

    public record Timeouts(int connectMillis, Duration response) {
    }

    /**
     * The encrypted session cookie: its name, how long it lives at most (never longer than the
     * token inside), whether it is marked Secure, and the AES-256 keys that seal it.
     */
    public record Session(String cookieName, Duration maxAge, boolean secureCookie, String activeKeyId, List<KeyRing.Key> keys) {

        public KeyRing keyRing() {
            return new KeyRing(activeKeyId, keys);
        }
    }

    /** At most {@code attempts} sign-in requests per client address in each {@code window}. */
    public record SignInLimit(int attempts, Duration window) {
    }
}
