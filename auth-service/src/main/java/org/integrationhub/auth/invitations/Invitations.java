package org.integrationhub.auth.invitations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.integrationhub.auth.AuthSettings;
import org.integrationhub.support.security.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Invitations to join an organisation: a random token shown once to the admin who created it,
 * stored only as its SHA-256, single-use, expiring, optionally bound to one email address.
 */
@Service
public class Invitations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;
    private final AuthSettings.Invitations settings;
    private final Clock clock;

    Invitations(DatabaseClient db, AuthSettings settings, Clock clock) {
        this.db = db;
        this.settings = settings.invitations();
        this.clock = clock;
    }

    /** A new invitation; {@code token} is the only copy of the secret. */
    public record Created(UUID id, String token, String email, Role role, Instant expiresAt) {

        @Override
        public String toString() {
            return "Invitation[id=" + id + ", role=" + role + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** What a consumed invitation grants. */
    public record Grant(UUID orgId, Role role) {
    }

    Mono<Created> create(UUID orgId, UUID adminId, String email, Role role) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant expiresAt = clock.instant().plus(settings.lifetime());
        var insert = db.sql("""
                insert into invitations (id, organisation_id, token_hash, email, role, created_by, expires_at)
                values (:id, :org, :hash, :email, :role, :admin, :expires)""")
                .bind("id", id).bind("org", orgId).bind("hash", hash(token)).bind("role", role.claimValue())
                .bind("admin", adminId).bind("expires", expiresAt);
        insert = email == null ? insert.bindNull("email", String.class) : insert.bind("email", email);
        return insert.then().thenReturn(new Created(id, token, email, role, expiresAt));
    }

    /**
     * Uses up the invitation for the given new user, in the caller's transaction; empty if the
     * token is unknown, used, expired, or bound to another email address.
     */
    public Mono<Grant> consume(String token, String email, UUID userId) {
        return db.sql("""
                update invitations set used_at = :now, used_by = :user
                 where token_hash = :hash and used_at is null and expires_at > :now
                   and (email is null or lower(email) = lower(:email))
                returning organisation_id, role""")
                .bind("now", clock.instant()).bind("user", userId).bind("hash", hash(token)).bind("email", email)
                .map((row, meta) -> new Grant(row.get("organisation_id", UUID.class), Role.fromClaim(row.get("role", String.class))))
                .one();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
