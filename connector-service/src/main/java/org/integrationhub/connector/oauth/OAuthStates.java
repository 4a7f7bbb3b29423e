package org.integrationhub.connector.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.integrationhub.events.OrgId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authorisations in flight, in Postgres ({@code oauth_states}), so any instance can take the
 * callback and no web session is needed. A state is stored as its SHA-256, bound to provider,
 * organisation and user, with the PKCE verifier and the redirect URI, and expires after
 * {@code hub.connector.oauth.state-lifetime}. {@link #take} deletes the row as it reads it:
 * a state works once, even when two callbacks race.
 */
@Component
public class OAuthStates {

    private final DatabaseClient db;
    private final OAuthSettings settings;
    private final Clock clock;

    public OAuthStates(DatabaseClient db, OAuthSettings settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    /** An authorisation the callback may complete. */
    public record Pending(String provider, OrgId orgId, UUID userId, String state, String codeVerifier, String redirectUri,
            Instant expiresAt) {

        @Override
        public String toString() {
            return "Pending[provider=" + provider + ", orgId=" + orgId + "]";
        }
    }

    public Mono<Void> remember(String provider, OrgId org, UUID user, OAuth2AuthorizationRequest request) {
        Instant now = clock.instant();
        String verifier = request.getAttribute(PkceParameterNames.CODE_VERIFIER);
        var insert = db.sql("""
                insert into oauth_states (state_hash, provider, organisation_id, user_id, code_verifier, redirect_uri, created_at, expires_at)
                values (:hash, :provider, :org, :user, :verifier, :redirectUri, :now, :expires)""")
                .bind("hash", hash(request.getState())).bind("provider", provider).bind("org", org.value()).bind("user", user)
                .bind("redirectUri", request.getRedirectUri()).bind("now", now).bind("expires", now.plus(settings.stateLifetime()));
        insert = verifier == null ? insert.bindNull("verifier", String.class) : insert.bind("verifier", verifier);
        return db.sql("delete from oauth_states where expires_at < :before").bind("before", now.minus(settings.stateLifetime()))
                .fetch().rowsUpdated()
                .then(insert.fetch().rowsUpdated())
                .then();
    }

    /** The pending authorisation of this state, removed as it is read; empty for an unknown, used or expired state. */
    public Mono<Pending> take(String state) {
        if (state == null || state.isBlank() || state.length() > 512) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return db.sql("delete from oauth_states where state_hash = :hash returning *")
                .bind("hash", hash(state))
                .map((row, meta) -> new Pending(row.get("provider", String.class), OrgId.of(row.get("organisation_id", UUID.class)),
                        row.get("user_id", UUID.class), state, row.get("code_verifier", String.class),
                        row.get("redirect_uri", String.class), row.get("expires_at", Instant.class)))
                .one()
                .filter(pending -> pending.expiresAt().isAfter(now));
    }

    static String hash(String state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
