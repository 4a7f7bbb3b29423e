package org.integrationhub.mapping.mappings;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for external user mappings; every statement is scoped by organisation. */
@Repository
class MappingRepository {

    private static final String COLUMNS = "id, organisation_id, external_system, external_email, external_user_id, resource_id, "
            + "version, created_at, updated_at";

    private final DatabaseClient db;

    MappingRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Mapping> insert(OrgId org, UUID id, MappingDraft draft) {
        var spec = db.sql("insert into external_user_mappings (id, organisation_id, external_system, external_email, external_user_id, "
                        + "resource_id) values (:id, :org, :system, :email, :userId, :resource) returning " + COLUMNS)
                .bind("id", id).bind("org", org.value()).bind("system", draft.system().wireName()).bind("resource", draft.resourceId());
        return bindNullable(bindNullable(spec, "email", draft.externalEmail()), "userId", draft.externalUserId())
                .map(MappingRepository::toMapping).one();
    }

    Mono<Mapping> find(OrgId org, UUID id) {
        return db.sql("select " + COLUMNS + " from external_user_mappings where organisation_id = :org and id = :id")
                .bind("org", org.value()).bind("id", id).map(MappingRepository::toMapping).one();
    }

    private static final String FILTER = " where organisation_id = :org"
            + " and (cast(:system as text) is null or external_system = :system)"
            + " and (cast(:resource as uuid) is null or resource_id = :resource)";

    /** The mapping, locked until the caller's transaction ends. */
    Mono<Mapping> findForUpdate(OrgId org, UUID id) {
        return db.sql("select " + COLUMNS + " from external_user_mappings where organisation_id = :org and id = :id for update")
                .bind("org", org.value()).bind("id", id).map(MappingRepository::toMapping).one();
    }

    Flux<Mapping> list(OrgId org, ExternalSystem system, UUID resourceId, int offset, int limit) {
        return filtered("select " + COLUMNS + " from external_user_mappings" + FILTER + " order by created_at, id offset :offset limit :limit",
                org, system, resourceId)
                .bind("offset", offset).bind("limit", limit)
                .map(MappingRepository::toMapping).all();
    }

    Mono<Long> count(OrgId org, ExternalSystem system, UUID resourceId) {
        return filtered("select count(*) from external_user_mappings" + FILTER, org, system, resourceId)
                .map(row -> row.get(0, Long.class)).one();
    }

    private DatabaseClient.GenericExecuteSpec filtered(String sql, OrgId org, ExternalSystem system, UUID resourceId) {
        var spec = db.sql(sql).bind("org", org.value());
        spec = system == null ? spec.bindNull("system", String.class) : spec.bind("system", system.wireName());
        return resourceId == null ? spec.bindNull("resource", UUID.class) : spec.bind("resource", resourceId);
    }

    /** Replaces the mapping's fields and bumps its version; empty if there is no such mapping in the organisation. */
    Mono<Mapping> update(OrgId org, UUID id, MappingDraft draft, Instant now) {
        var spec = db.sql("update external_user_mappings set external_system = :system, external_email = :email, "
                        + "external_user_id = :userId, resource_id = :resource, version = version + 1, updated_at = :now "
                        + "where organisation_id = :org and id = :id returning " + COLUMNS)
                .bind("org", org.value()).bind("id", id).bind("system", draft.system().wireName())
                .bind("resource", draft.resourceId()).bind("now", now);
        return bindNullable(bindNullable(spec, "email", draft.externalEmail()), "userId", draft.externalUserId())
                .map(MappingRepository::toMapping).one();
    }

    Mono<Mapping> delete(OrgId org, UUID id) {
        return db.sql("delete from external_user_mappings where organisation_id = :org and id = :id returning " + COLUMNS)
                .bind("org", org.value()).bind("id", id).map(MappingRepository::toMapping).one();
    }

    /** Existing mappings of the organisation that use any of these emails or user ids (for batch conflict reports). */
    Flux<Mapping> findClashing(OrgId org, Collection<String> emails, Collection<String> userIds) {
        return db.sql("select " + COLUMNS + " from external_user_mappings where organisation_id = :org"
                        + " and (lower(external_email) = any(:emails) or external_user_id = any(:userIds))")
                .bind("org", org.value())
                .bind("emails", emails.toArray(String[]::new))
                .bind("userIds", userIds.toArray(String[]::new))
                .map(MappingRepository::toMapping).all();
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static Mapping toMapping(Readable row) {
        return new Mapping(row.get("id", UUID.class), OrgId.of(row.get("organisation_id", UUID.class)),
                ExternalSystem.fromWireName(row.get("external_system", String.class)), row.get("external_email", String.class),
                row.get("external_user_id", String.class), row.get("resource_id", UUID.class), row.get("version", Long.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }
}
