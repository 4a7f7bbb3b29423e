package org.integrationhub.sync.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ConnectionSnapshot;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The local replica of {@code integration.connections}: what the fetch stage needs to know about a
 * connection (never a credential). A snapshot is applied only when its revision is newer; a
 * tombstone marks the row deleted so that an older snapshot replayed later cannot revive it.
 */
@Repository
class ConnectionReplica {

    /** One replicated connection. */
    record Replicated(ConnectionId id, OrgId orgId, ExternalSystem system, String baseUrl, List<String> projectKeys, String jqlFilter,
            boolean enabled, boolean deleted, String siteUrl) {

        Replicated(ConnectionId id, OrgId orgId, ExternalSystem system, String baseUrl, List<String> projectKeys, String jqlFilter,
                boolean enabled, boolean deleted) {
            this(id, orgId, system, baseUrl, projectKeys, jqlFilter, enabled, deleted, null);
        }
    }

    private final DatabaseClient db;

    ConnectionReplica(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> store(ConnectionSnapshot s) {
        var spec = db.sql("""
                insert into connection_replica (connection_id, organisation_id, external_system, base_url, project_keys, jql_filter,
                    enabled, revision, site_url)
                values (:id, :org, :system, :baseUrl, :projects, :jql, :enabled, :revision, :siteUrl)
                on conflict (connection_id) do update set base_url = excluded.base_url, site_url = excluded.site_url, project_keys = excluded.project_keys,
                    jql_filter = excluded.jql_filter, enabled = excluded.enabled, revision = excluded.revision, updated_at = now()
                where connection_replica.revision < excluded.revision and not connection_replica.deleted""")
                .bind("id", s.connectionId().value()).bind("org", s.orgId().value()).bind("system", s.system().wireName())
                .bind("projects", s.projectKeys().toArray(String[]::new)).bind("enabled", s.enabled()).bind("revision", s.revision());
        spec = s.baseUrl() == null ? spec.bindNull("baseUrl", String.class) : spec.bind("baseUrl", s.baseUrl());
        spec = s.jqlFilter() == null ? spec.bindNull("jql", String.class) : spec.bind("jql", s.jqlFilter());
        spec = s.siteUrl() == null ? spec.bindNull("siteUrl", String.class) : spec.bind("siteUrl", s.siteUrl());
        return spec.then();
    }

    Mono<Void> delete(ConnectionId id) {
        return db.sql("update connection_replica set deleted = true, enabled = false, updated_at = now() where connection_id = :id")
                .bind("id", id.value()).then();
    }

    Optional<Replicated> find(ConnectionId id, Duration timeout) {
        return db.sql("select * from connection_replica where connection_id = :id").bind("id", id.value())
                .map(row -> new Replicated(ConnectionId.of(row.get("connection_id", UUID.class)), OrgId.of(row.get("organisation_id", UUID.class)),
                        ExternalSystem.fromWireName(row.get("external_system", String.class)), row.get("base_url", String.class),
                        List.of(row.get("project_keys", String[].class)), row.get("jql_filter", String.class),
                        Boolean.TRUE.equals(row.get("enabled", Boolean.class)), Boolean.TRUE.equals(row.get("deleted", Boolean.class)),
                        row.get("site_url", String.class)))
                .one().blockOptional(timeout);
    }
}
