package org.integrationhub.auth;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything auth-service is configured with ({@code hub.auth.*}); secrets come from the environment. */
@ConfigurationProperties("hub.auth")
public record AuthSettings(Password password, Tokens tokens, Throttle throttle, Invitations invitations,
        List<ServiceClient> serviceClients, Set<String> operators) {

    public AuthSettings {
        serviceClients = serviceClients == null ? List.of() : List.copyOf(serviceClients);
        operators = operators == null ? Set.of()
                : operators.stream().map(email -> email.trim().toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * True when the (normalised) e-mail is one of the configured hub operators ({@code hub.auth.operators}):
     * their tokens carry the {@code ops} role besides their role in their organisation.
     */
    public boolean isOperator(String email) {
        return email != null && operators.contains(email.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** bcrypt work factor (4..31); every doubling of 2^cost doubles the time a hash takes. */
    public record Password(int bcryptCost) {
    }

    /**
     * Token lifetimes and key material. {@code keys} may hold several keys at once (rotation):
     * all are published in the JWKS, the active one signs.
     */
    public record Tokens(Duration lifetime, Duration serviceLifetime, String activeKeyId, List<Key> keys, boolean generateDevKey) {

        public Tokens {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }
    }

    /** One key: {@code privateKey} as PKCS#8 PEM (signs), or only {@code publicKey} as X.509 PEM (verifies). */
    public record Key(String id, String privateKey, String publicKey) {

        @Override
        public String toString() {
            return "Key[id=" + id + "]";
        }
    }

    /**
     * Failed sign-ins allowed per email and per client address within the window; the address
     * limit is higher, as many people can share one address.
     */
    public record Throttle(int maxFailuresPerEmail, int maxFailuresPerAddress, Duration window) {
    }

    public record Invitations(Duration lifetime) {
    }

    /** A hub service allowed to obtain service tokens with the given scopes. */
    public record ServiceClient(String id, String secret, Set<String> scopes) {

        public ServiceClient {
            scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "ServiceClient[id=" + id + ", scopes=" + scopes + "]";
        }
    }
}
