package org.integrationhub.sync.tasks;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.Person;
import org.integrationhub.events.TaskKey;
import org.integrationhub.events.TaskObserved;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for external tasks; every statement is scoped by organisation. */
@Repository
public class ExternalTaskRepository {

    static final String COLUMNS = "id, organisation_id, connection_id, external_system, external_id, task_key, title, status, "
            + "status_category, kind, assignee_user_id, assignee_email, assignee_name, resource_id, project_key, labels, url, "
            + "source_created_at, source_updated_at, content_hash, deleted, version, last_event_id, source, raw_payload, "
            + "last_stale_reason, last_stale_at, stale_count, created_at, updated_at";

    /** The resource an assignee maps to: a mapping by external user id wins over one by e-mail. */
    private static final String RESOLVED_RESOURCE = """
            (select r.resource_id from user_mapping_replica r
              where r.organisation_id = %1$s.organisation_id and r.external_system = %1$s.external_system and not r.deleted
                and (r.external_user_id = %1$s.assignee_user_id or lower(r.external_email) = lower(%1$s.assignee_email))
              order by (r.external_user_id = %1$s.assignee_user_id) desc nulls last, r.message_key
              limit 1)""";

    private final DatabaseClient db;

    public ExternalTaskRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The task, locked until the caller's transaction ends. */
    public Mono<ExternalTask> findForUpdate(OrgId org, ExternalSystem system, String externalId) {
        return db.sql("select " + COLUMNS + " from external_tasks where organisation_id = :org and external_system = :system "
                        + "and external_id = :externalId for update")
                .bind("org", org.value()).bind("system", system.wireName()).bind("externalId", externalId)
                .map(ExternalTaskRepository::toTask).one();
    }

    Mono<ExternalTask> find(OrgId org, UUID id) {
        return db.sql("select " + COLUMNS + " from external_tasks where organisation_id = :org and id = :id")
                .bind("org", org.value()).bind("id", id).map(ExternalTaskRepository::toTask).one();
    }

    /** The tasks of these keys that exist, locked until the caller's transaction ends (in id order, so lockers never deadlock). */
    public Flux<ExternalTask> findAllForUpdate(Collection<TaskKey> keys) {
        if (keys.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("select " + COLUMNS + " from external_tasks where (organisation_id, external_system, external_id) in "
                        + "(select * from unnest(:orgs::uuid[], :systems::text[], :externalIds::text[])) order by id for update")
                .bind("orgs", keys.stream().map(key -> key.orgId().value()).toArray(UUID[]::new))
                .bind("systems", keys.stream().map(key -> key.system().wireName()).toArray(String[]::new))
                .bind("externalIds", keys.stream().map(TaskKey::externalId).toArray(String[]::new))
                .map(ExternalTaskRepository::toTask).all();
    }

    /** The resources these assignees map to, by assignee; one without a mapping is absent. */
    public Mono<Map<Assignee, UUID>> resolveResources(Collection<Assignee> assignees) {
        if (assignees.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<Assignee> asked = List.copyOf(assignees);
        return db.sql("select position, resource_id from (select a.position, " + RESOLVED_RESOURCE.formatted("a") + " as resource_id "
                        + "from unnest(:orgs::uuid[], :systems::text[], :userIds::text[], :emails::text[]) with ordinality "
                        + "as a(organisation_id, external_system, assignee_user_id, assignee_email, position)) r where resource_id is not null")
                .bind("orgs", asked.stream().map(a -> a.org().value()).toArray(UUID[]::new))
                .bind("systems", asked.stream().map(a -> a.system().wireName()).toArray(String[]::new))
                .bind("userIds", asked.stream().map(Assignee::externalUserId).toArray(String[]::new))
                .bind("emails", asked.stream().map(Assignee::email).toArray(String[]::new))
                .map(row -> Map.entry(asked.get(row.get("position", Long.class).intValue() - 1), row.get("resource_id", UUID.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Inserts a new task; empty when another transaction inserted the same external item first. */
    public Mono<ExternalTask> insert(ExternalTask task) {
        var spec = db.sql("insert into external_tasks (" + COLUMNS.replace(", created_at, updated_at", "") + ") values (:id, :org, "
                + ":connection, :system, :externalId, :key, :title, :status, :statusCategory, :kind, :assigneeUserId, :assigneeEmail, "
                + ":assigneeName, :resource, :projectKey, :labels, :url, :sourceCreatedAt, :sourceUpdatedAt, :hash, :deleted, :version, "
                + ":lastEventId, :source, :raw, null, null, 0) on conflict (organisation_id, external_system, external_id) do nothing "
                + "returning " + COLUMNS);
        return bindFields(spec, task).map(ExternalTaskRepository::toTask).one();
    }

    /** Writes a changed task over the stored one (its id and organisation stay). */
    public Mono<ExternalTask> replace(ExternalTask task) {
        var spec = db.sql("update external_tasks set connection_id = :connection, task_key = :key, title = :title, status = :status, "
                + "status_category = :statusCategory, kind = :kind, assignee_user_id = :assigneeUserId, assignee_email = :assigneeEmail, "
                + "assignee_name = :assigneeName, resource_id = :resource, project_key = :projectKey, labels = :labels, url = :url, "
                + "source_created_at = :sourceCreatedAt, source_updated_at = :sourceUpdatedAt, content_hash = :hash, deleted = :deleted, "
                + "version = :version, last_event_id = :lastEventId, source = :source, raw_payload = :raw, updated_at = now() "
                + "where id = :id and organisation_id = :org and external_system = :system and external_id = :externalId "
                + "returning " + COLUMNS);
        return bindFields(spec, task).map(ExternalTaskRepository::toTask).one();
    }

    /** Records a newer source version whose content is the same: provenance moves on, no new version. The task as it is now. */
    public Mono<ExternalTask> recordSameContent(UUID id, Instant sourceUpdatedAt, UUID eventId, TaskObserved.Source source,
            String rawPayload) {
        return bindNullable(db.sql("update external_tasks set source_updated_at = :at, last_event_id = :eventId, source = :source, "
                        + "raw_payload = :raw, updated_at = now() where id = :id returning " + COLUMNS)
                .bind("id", id).bind("at", sourceUpdatedAt).bind("eventId", eventId).bind("source", source.wireName()), "raw", rawPayload)
                .map(ExternalTaskRepository::toTask).one();
    }

    /** Records an observation rejected as older than the stored version. */
    public Mono<Void> recordStale(UUID id, String reason, Instant at) {
        return db.sql("update external_tasks set last_stale_reason = :reason, last_stale_at = :at, stale_count = stale_count + 1 "
                        + "where id = :id")
                .bind("id", id).bind("reason", reason).bind("at", at).then();
    }

    /**
     * Re-resolves the resource of the organisation's live tasks of {@code system} whose assignee has
     * one of these user ids or e-mails, and returns the tasks whose resource changed (each at its
     * next version). Rows are locked in id order.
     */
    public Flux<ExternalTask> reassign(OrgId org, ExternalSystem system, Collection<String> userIds, Collection<String> emails) {
        return db.sql("with candidates as (select t.id, " + RESOLVED_RESOURCE.formatted("t") + " as resolved from external_tasks t "
                        + "where t.organisation_id = :org and t.external_system = :system and not t.deleted "
                        + "and (t.assignee_user_id = any(:userIds) or lower(t.assignee_email) = any(:emails)) order by t.id for update of t) "
                        + "update external_tasks x set resource_id = c.resolved, version = x.version + 1, updated_at = now() "
                        + "from candidates c where x.id = c.id and x.resource_id is distinct from c.resolved returning "
                        + COLUMNS.replaceAll("(^|, )", "$1x."))
                .bind("org", org.value()).bind("system", system.wireName())
                .bind("userIds", userIds.toArray(String[]::new))
                .bind("emails", emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .map(ExternalTaskRepository::toTask).all();
    }

    private static DatabaseClient.GenericExecuteSpec bindFields(DatabaseClient.GenericExecuteSpec spec, ExternalTask task) {
        Person assignee = task.assignee();
        spec = spec.bind("id", task.id()).bind("org", task.orgId().value()).bind("connection", task.connectionId().value())
                .bind("system", task.system().wireName()).bind("externalId", task.externalId())
                .bind("labels", task.labels().toArray(String[]::new)).bind("sourceUpdatedAt", task.sourceUpdatedAt())
                .bind("hash", task.contentHash()).bind("deleted", task.deleted()).bind("version", task.version())
                .bind("lastEventId", task.lastEventId()).bind("source", task.source().wireName());
        spec = bindNullable(spec, "key", task.key());
        spec = bindNullable(spec, "title", task.title());
        spec = bindNullable(spec, "status", task.status());
        spec = bindNullable(spec, "statusCategory", task.statusCategory());
        spec = bindNullable(spec, "kind", task.kind() == null ? null : task.kind().wireName());
        spec = bindNullable(spec, "assigneeUserId", assignee == null ? null : assignee.externalUserId());
        spec = bindNullable(spec, "assigneeEmail", assignee == null ? null : assignee.email());
        spec = bindNullable(spec, "assigneeName", assignee == null ? null : assignee.displayName());
        spec = bindNullable(spec, "projectKey", task.projectKey());
        spec = bindNullable(spec, "url", task.url());
        spec = bindNullable(spec, "raw", task.rawPayload());
        spec = task.resourceId() == null ? spec.bindNull("resource", UUID.class) : spec.bind("resource", task.resourceId());
        return task.sourceCreatedAt() == null ? spec.bindNull("sourceCreatedAt", Instant.class)
                : spec.bind("sourceCreatedAt", task.sourceCreatedAt());
    }

    static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    static ExternalTask toTask(Readable row) {
        String userId = row.get("assignee_user_id", String.class);
        String email = row.get("assignee_email", String.class);
        String name = row.get("assignee_name", String.class);
        String kind = row.get("kind", String.class);
        String[] labels = row.get("labels", String[].class);
        return new ExternalTask(row.get("id", UUID.class), OrgId.of(row.get("organisation_id", UUID.class)),
                ConnectionId.of(row.get("connection_id", UUID.class)),
                ExternalSystem.fromWireName(row.get("external_system", String.class)), row.get("external_id", String.class),
                row.get("task_key", String.class), row.get("title", String.class), row.get("status", String.class),
                row.get("status_category", String.class), kind == null ? null : TaskObserved.Kind.fromWireName(kind),
                userId == null && email == null && name == null ? null : new Person(userId, email, name),
                row.get("resource_id", UUID.class), row.get("project_key", String.class),
                labels == null ? java.util.List.of() : Arrays.asList(labels), row.get("url", String.class),
                row.get("source_created_at", Instant.class), row.get("source_updated_at", Instant.class),
                row.get("content_hash", String.class), Boolean.TRUE.equals(row.get("deleted", Boolean.class)),
                row.get("version", Long.class), row.get("last_event_id", UUID.class),
                TaskObserved.Source.fromWireName(row.get("source", String.class)), row.get("raw_payload", String.class),
                new ExternalTask.Provenance(row.get("last_stale_reason", String.class), row.get("last_stale_at", Instant.class),
                        row.get("stale_count", Long.class)),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }
}
