package org.integrationhub.connector.connections;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.integrationhub.support.crypto.Sealed;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for connections; every statement is scoped by organisation. */
@Repository
class ConnectionRepository {

    private final DatabaseClient db;

    ConnectionRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Connection> insert(Connection c) {
        var spec = db.sql("""
                insert into connections (id, organisation_id, type, auth_type, display_name, base_url, email, api_token,
                    webhook_secret, project_keys, jql_filter, polling_enabled, enabled, is_primary, connected_at)
                values (:id, :org, :type, :auth, :name, :baseUrl, :email, :apiToken, :webhookSecret, :projectKeys, :jql,
                    :polling, :enabled,
                    not exists (select 1 from connections where organisation_id = :org and type = :type and is_primary), :now)
                returning *""")
                .bind("id", c.id().value()).bind("org", c.orgId().value()).bind("type", c.type().wireName())
                .bind("auth", c.authType()).bind("name", c.displayName()).bind("baseUrl", c.baseUrl()).bind("email", c.email())
                .bind("projectKeys", c.projectKeys().toArray(String[]::new))
                .bind("polling", c.pollingEnabled()).bind("enabled", c.enabled()).bind("now", c.createdAt());
        spec = bindNullable(spec, "apiToken", encoded(c.apiToken()));
        spec = bindNullable(spec, "webhookSecret", encoded(c.webhookSecret()));
        spec = bindNullable(spec, "jql", c.jqlFilter());
        return spec.map(ConnectionRepository::toConnection).one();
    }

    Mono<Connection> find(OrgId org, ConnectionId id) {
        return db.sql("select * from connections where organisation_id = :org and id = :id")
                .bind("org", org.value()).bind("id", id.value()).map(ConnectionRepository::toConnection).one();
    }

    /** The connection, locked until the caller's transaction ends (read-modify-write without lost updates). */
    Mono<Connection> findForUpdate(OrgId org, ConnectionId id) {
        return db.sql("select * from connections where organisation_id = :org and id = :id for update")
                .bind("org", org.value()).bind("id", id.value()).map(ConnectionRepository::toConnection).one();
    }

    /** Records a connection test: only the status columns, so a concurrent change of settings or secrets is never undone. */
    Mono<Connection> recordTest(OrgId org, ConnectionId id, boolean connected, String problem, java.time.Instant now,
            String accountId, String accountEmail, String accountName) {
        var spec = db.sql("""
                update connections set
                    status = case when :connected then 'active' when status in ('revoked', 'expired') then status else 'error' end,
                    last_error = :problem,
                    error_count = case when :connected then 0 else error_count + 1 end,
                    last_used_at = case when :connected then :now else last_used_at end,
                    external_account_id = coalesce(:accountId, external_account_id),
                    external_email = coalesce(:accountEmail, external_email),
                    external_display_name = coalesce(:accountName, external_display_name),
                    revision = revision + 1, updated_at = :now
                 where organisation_id = :org and id = :id
                returning *""")
                .bind("org", org.value()).bind("id", id.value()).bind("connected", connected).bind("now", now);
        spec = bindNullable(spec, "problem", problem);
        spec = bindNullable(spec, "accountId", accountId);
        spec = bindNullable(spec, "accountEmail", accountEmail);
        spec = bindNullable(spec, "accountName", accountName);
        return spec.map(ConnectionRepository::toConnection).one();
    }

    /** For service-authenticated internal calls, which act for whichever organisation owns the connection. */
    Mono<Connection> findAnyOrganisation(ConnectionId id) {
        return db.sql("select * from connections where id = :id").bind("id", id.value()).map(ConnectionRepository::toConnection).one();
    }

    Flux<Connection> list(OrgId org) {
        return db.sql("select * from connections where organisation_id = :org order by created_at, id")
                .bind("org", org.value()).map(ConnectionRepository::toConnection).all();
    }

    /** Writes the editable fields and bumps the revision; the caller passes the whole edited connection. */
    Mono<Connection> update(Connection c, Instant now) {
        var spec = db.sql("""
                update connections set display_name = :name, api_token = :apiToken, webhook_secret = :webhookSecret,
                    project_keys = :projectKeys, jql_filter = :jql, polling_enabled = :polling, enabled = :enabled,
                    status = :status, last_error = :lastError, error_count = :errorCount, last_used_at = :lastUsedAt,
                    external_account_id = :accountId, external_email = :accountEmail, external_display_name = :accountName,
                    revision = revision + 1, updated_at = :now
                 where organisation_id = :org and id = :id
                returning *""")
                .bind("org", c.orgId().value()).bind("id", c.id().value()).bind("name", c.displayName())
                .bind("projectKeys", c.projectKeys().toArray(String[]::new))
                .bind("polling", c.pollingEnabled()).bind("enabled", c.enabled()).bind("status", c.status())
                .bind("errorCount", c.errorCount()).bind("now", now);
        spec = bindNullable(spec, "apiToken", encoded(c.apiToken()));
        spec = bindNullable(spec, "webhookSecret", encoded(c.webhookSecret()));
        spec = bindNullable(spec, "jql", c.jqlFilter());
        spec = bindNullable(spec, "lastError", c.lastError());
        spec = bindNullable(spec, "accountId", c.externalAccountId());
        spec = bindNullable(spec, "accountEmail", c.externalEmail());
        spec = bindNullable(spec, "accountName", c.externalDisplayName());
        spec = c.lastUsedAt() == null ? spec.bindNull("lastUsedAt", Instant.class) : spec.bind("lastUsedAt", c.lastUsedAt());
        return spec.map(ConnectionRepository::toConnection).one();
    }

    /** A new revision with unchanged settings (for announcing the connection again, e.g. under a new webhook sealing key). */
    Mono<Connection> newRevision(ConnectionId id, Instant now) {
        return db.sql("update connections set revision = revision + 1, updated_at = :now where id = :id returning *")
                .bind("id", id.value()).bind("now", now).map(ConnectionRepository::toConnection).one();
    }

    /** Makes one connection the primary of its type; returns every connection whose flag changed. */
    Flux<Connection> makePrimary(OrgId org, ConnectionId id, Instant now) {
        return db.sql("""
                update connections c set is_primary = (c.id = :id), revision = c.revision + 1, updated_at = :now
                  from connections target
                 where target.id = :id and target.organisation_id = :org
                   and c.organisation_id = :org and c.type = target.type and c.is_primary <> (c.id = :id)
                returning c.*""")
                .bind("org", org.value()).bind("id", id.value()).bind("now", now)
                .map(ConnectionRepository::toConnection).all();
    }

    Mono<Connection> delete(OrgId org, ConnectionId id) {
        return db.sql("delete from connections where organisation_id = :org and id = :id returning *")
                .bind("org", org.value()).bind("id", id.value()).map(ConnectionRepository::toConnection).one();
    }

    static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static Sealed sealed(String stored) {
        return stored == null ? null : Sealed.decode(stored);
    }

    private static String encoded(Sealed sealed) {
        return sealed == null ? null : sealed.encode();
    }

    static Connection toConnection(Readable row) {
        String webhookSecret = row.get("webhook_secret", String.class);
        String[] projectKeys = row.get("project_keys", String[].class);
        return new Connection(ConnectionId.of(row.get("id", UUID.class)), OrgId.of(row.get("organisation_id", UUID.class)),
                ExternalSystem.fromWireName(row.get("type", String.class)), row.get("auth_type", String.class),
                row.get("display_name", String.class), row.get("base_url", String.class), row.get("email", String.class),
                sealed(row.get("api_token", String.class)),
                sealed(webhookSecret),
                projectKeys == null ? List.of() : Arrays.asList(projectKeys), row.get("jql_filter", String.class),
                Boolean.TRUE.equals(row.get("polling_enabled", Boolean.class)), Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
                Boolean.TRUE.equals(row.get("is_primary", Boolean.class)), row.get("status", String.class),
                row.get("last_error", String.class), row.get("error_count", Integer.class), row.get("last_used_at", Instant.class),
                row.get("connected_at", Instant.class), row.get("token_expiry", Instant.class),
                row.get("external_account_id", String.class), row.get("external_email", String.class),
                row.get("external_display_name", String.class), row.get("revision", Long.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class), row.get("site_url", String.class));
    }
}
