package org.integrationhub.connector.connections;

import static org.integrationhub.connector.connections.ConnectionRepository.bindNullable;

import java.time.Instant;
import java.util.UUID;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.integrationhub.support.crypto.Sealed;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for OAuth connections and their sealed tokens. */
@Repository
class OAuthConnectionRepository {

    private final DatabaseClient db;

    OAuthConnectionRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A connection's sealed tokens and what decides whether they are usable. */
    record StoredTokens(ConnectionId id, OrgId orgId, ExternalSystem type, String baseUrl, String status, Sealed accessToken,
            Sealed refreshToken, Instant expiry) {

        @Override
        public String toString() {
            return "StoredTokens[id=" + id + ", status=" + status + ", expiry=" + expiry + "]";
        }
    }

    /** What a successful authorisation stores; tokens already sealed for {@code id}. */
    record Authorised(ConnectionId id, OrgId orgId, ExternalSystem type, String displayName, String baseUrl, String siteUrl,
            String identity, String scopes, Sealed accessToken, Sealed refreshToken, Instant expiry, String accountId,
            String accountEmail, String accountName) {

        @Override
        public String toString() {
            return "Authorised[id=" + id + ", type=" + type.wireName() + "]";
        }
    }

    /** The id of the organisation's OAuth connection to this target, locked until the transaction ends. */
    Mono<ConnectionId> lockByIdentity(OrgId org, ExternalSystem type, String identity) {
        return db.sql("""
                select id from connections
                 where organisation_id = :org and type = :type and auth_type = 'oauth' and oauth_identity = :identity
                   for update""")
                .bind("org", org.value()).bind("type", type.wireName()).bind("identity", identity)
                .map((row, meta) -> ConnectionId.of(row.get("id", UUID.class))).one();
    }

    Mono<Connection> insert(Authorised a, Instant now) {
        var spec = db.sql("""
                insert into connections (id, organisation_id, type, auth_type, display_name, base_url, site_url, oauth_identity,
                    scopes, access_token, refresh_token, token_expiry, external_account_id, external_email, external_display_name,
                    is_primary, connected_at, created_at, updated_at)
                values (:id, :org, :type, 'oauth', :name, :baseUrl, :siteUrl, :identity, :scopes, :access, :refresh, :expiry,
                    :accountId, :accountEmail, :accountName,
                    not exists (select 1 from connections where organisation_id = :org and type = :type and is_primary),
                    :now, :now, :now)
                returning *""")
                .bind("id", a.id().value()).bind("org", a.orgId().value()).bind("type", a.type().wireName())
                .bind("name", a.displayName()).bind("baseUrl", a.baseUrl()).bind("identity", a.identity())
                .bind("access", a.accessToken().encode()).bind("now", now);
        return bindAuthorised(spec, a).map(ConnectionRepository::toConnection).one();
    }

    /** A new authorisation of an existing connection: new tokens, and its status and error count start afresh. */
    Mono<Connection> reauthorise(Authorised a, Instant now) {
        var spec = db.sql("""
                update connections set base_url = :baseUrl, site_url = :siteUrl, scopes = :scopes, access_token = :access,
                    refresh_token = :refresh, token_expiry = :expiry,
                    external_account_id = coalesce(:accountId, external_account_id),
                    external_email = coalesce(:accountEmail, external_email),
                    external_display_name = coalesce(:accountName, external_display_name),
                    status = 'active', last_error = null, error_count = 0, connected_at = :now,
                    revision = revision + 1, updated_at = :now
                 where id = :id
                returning *""")
                .bind("id", a.id().value()).bind("baseUrl", a.baseUrl()).bind("access", a.accessToken().encode()).bind("now", now);
        return bindAuthorised(spec, a).map(ConnectionRepository::toConnection).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindAuthorised(DatabaseClient.GenericExecuteSpec spec, Authorised a) {
        spec = bindNullable(spec, "siteUrl", a.siteUrl());
        spec = bindNullable(spec, "scopes", a.scopes());
        spec = bindNullable(spec, "refresh", a.refreshToken() == null ? null : a.refreshToken().encode());
        spec = a.expiry() == null ? spec.bindNull("expiry", Instant.class) : spec.bind("expiry", a.expiry());
        spec = bindNullable(spec, "accountId", a.accountId());
        spec = bindNullable(spec, "accountEmail", a.accountEmail());
        return bindNullable(spec, "accountName", a.accountName());
    }

    Mono<StoredTokens> tokens(ConnectionId id) {
        return db.sql(TOKENS + " where id = :id and auth_type = 'oauth'").bind("id", id.value())
                .map((row, meta) -> stored(row)).one();
    }

    /** The tokens, locked until the transaction ends: the one place a refresh token is used. */
    Mono<StoredTokens> lockTokens(ConnectionId id) {
        return db.sql(TOKENS + " where id = :id and auth_type = 'oauth' for update").bind("id", id.value())
                .map((row, meta) -> stored(row)).one();
    }

    private static final String TOKENS = """
            select id, organisation_id, type, base_url, status, access_token, refresh_token, token_expiry from connections""";

    private static StoredTokens stored(io.r2dbc.spi.Readable row) {
        String access = row.get("access_token", String.class);
        String refresh = row.get("refresh_token", String.class);
        return new StoredTokens(ConnectionId.of(row.get("id", UUID.class)), OrgId.of(row.get("organisation_id", UUID.class)),
                ExternalSystem.fromWireName(row.get("type", String.class)), row.get("base_url", String.class),
                row.get("status", String.class), access == null ? null : Sealed.decode(access),
                refresh == null ? null : Sealed.decode(refresh), row.get("token_expiry", Instant.class));
    }

    /**
     * The refreshed pair, written in the transaction that holds the row lock. A new revision (and a
     * snapshot) only when the status changes back to active.
     */
    Mono<Connection> storeRefreshed(ConnectionId id, Sealed access, Sealed refresh, Instant expiry, Instant now) {
        var spec = db.sql("""
                update connections set access_token = :access, refresh_token = :refresh, token_expiry = :expiry,
                    revision = revision + case when status = 'active' then 0 else 1 end,
                    updated_at = case when status = 'active' then updated_at else :now end,
                    status = 'active', last_error = null, error_count = 0, last_used_at = :now
                 where id = :id
                returning *""")
                .bind("id", id.value()).bind("access", access.encode()).bind("now", now);
        spec = bindNullable(spec, "refresh", refresh == null ? null : refresh.encode());
        spec = expiry == null ? spec.bindNull("expiry", Instant.class) : spec.bind("expiry", expiry);
        return spec.map(ConnectionRepository::toConnection).one();
    }

    /**
     * A refused refresh: the new status, the error counted; the tokens stay as they are. A new
     * revision only when the status changes (a repeated failure is not announced again).
     */
    Mono<Connection> recordRefusal(ConnectionId id, String status, String error, Instant now) {
        return db.sql("""
                update connections set last_error = :error, error_count = error_count + 1,
                    revision = revision + case when status = :status then 0 else 1 end,
                    updated_at = case when status = :status then updated_at else :now end,
                    status = :status
                 where id = :id
                returning *""")
                .bind("id", id.value()).bind("status", status).bind("error", error).bind("now", now)
                .map(ConnectionRepository::toConnection).one();
    }

    /** A transient failure: noted, nothing else changes (the tokens are kept and the refresh is tried again later). */
    Mono<Long> noteTransientFailure(ConnectionId id, String error) {
        return db.sql("update connections set last_error = :error where id = :id").bind("id", id.value()).bind("error", error)
                .fetch().rowsUpdated();
    }

    /** OAuth connections whose access token expires before {@code horizon} and that can be refreshed. */
    Flux<ConnectionId> expiringBefore(Instant horizon) {
        return db.sql("""
                select id from connections
                 where auth_type = 'oauth' and refresh_token is not null and status in ('active', 'error')
                   and token_expiry < :horizon
                 order by token_expiry""")
                .bind("horizon", horizon).map((row, meta) -> ConnectionId.of(row.get("id", UUID.class))).all();
    }
}
