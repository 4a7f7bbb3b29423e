package org.integrationhub.sync.tasks;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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

    /** The columns a task's state is written to, and their types as {@code jsonb_to_recordset} reads them. */
    private static final String WRITTEN = "id uuid, organisation_id uuid, connection_id uuid, external_system text, external_id text, "
            + "task_key text, title text, status text, status_category text, kind text, assignee_user_id text, assignee_email text, "
            + "assignee_name text, resource_id uuid, project_key text, labels text[], url text, source_created_at timestamptz, "
            + "source_updated_at timestamptz, content_hash text, deleted boolean, version bigint, last_event_id uuid, source text, "
            + "raw_payload text";
    private static final List<String> WRITTEN_COLUMNS = Arrays.stream(WRITTEN.split(", ")).map(c -> c.substring(0, c.indexOf(' '))).toList();
    /** What a change may not move: the row's identity. */
    private static final List<String> IDENTITY = List.of("id", "organisation_id", "external_system", "external_id");
    private static final String INSERT_ALL = "insert into external_tasks (" + String.join(", ", WRITTEN_COLUMNS) + ") select "
            + String.join(", ", WRITTEN_COLUMNS) + " from jsonb_to_recordset(:rows::jsonb) as r(" + WRITTEN
            + ") on conflict (organisation_id, external_system, external_id) do nothing";
    private static final String REPLACE_ALL = "update external_tasks t set "
            + WRITTEN_COLUMNS.stream().filter(c -> !IDENTITY.contains(c)).map(c -> c + " = r." + c).collect(Collectors.joining(", "))
            + ", updated_at = now() from jsonb_to_recordset(:rows::jsonb) as r(" + WRITTEN
            + ") where t.id = r.id and t.organisation_id = r.organisation_id";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Inserts new tasks with one statement; how many were inserted. One that another transaction inserted
     * first (same organisation, system and external id) is left out, so fewer than given means a race.
     */
    public Mono<Long> insertAll(List<ExternalTask> created) {
        if (created.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql(INSERT_ALL)
                .bind("rows", rows(created)).fetch().rowsUpdated();
    }

    /** Writes the state of changed tasks over the stored rows (locked by the caller) with one statement. */
    public Mono<Void> replaceAll(List<ExternalTask> changed) {
        if (changed.isEmpty()) {
            return Mono.empty();
        }
        return db.sql(REPLACE_ALL)
                .bind("rows", rows(changed)).then();
    }

    /** Observations rejected as older than a task's stored version: per task the last reason and how many. */
    public record Stale(UUID taskId, String reason, Instant at, int count) {
    }

    /** Records stale observations with one statement. */
    public Mono<Void> recordStale(List<Stale> stale) {
        if (stale.isEmpty()) {
            return Mono.empty();
        }
        ArrayNode rows = JSON.createArrayNode();
        stale.forEach(s -> rows.addObject().put("id", s.taskId().toString()).put("reason", s.reason()).put("at", s.at().toString())
                .put("n", s.count()));
        return db.sql("update external_tasks t set last_stale_reason = r.reason, last_stale_at = r.at, stale_count = t.stale_count + r.n "
                        + "from jsonb_to_recordset(:rows::jsonb) as r(id uuid, reason text, at timestamptz, n bigint) where t.id = r.id")
                .bind("rows", JSON.writeValueAsString(rows)).then();
    }

    private static String rows(List<ExternalTask> tasks) {
        ArrayNode rows = JSON.createArrayNode();
        for (ExternalTask task : tasks) {
            Person assignee = task.assignee();
            ObjectNode row = rows.addObject()
                    .put("id", task.id().toString()).put("organisation_id", task.orgId().value().toString())
                    .put("connection_id", task.connectionId().value().toString()).put("external_system", task.system().wireName())
                    .put("external_id", task.externalId()).put("task_key", task.key()).put("title", task.title())
                    .put("status", task.status()).put("status_category", task.statusCategory())
                    .put("kind", task.kind() == null ? null : task.kind().wireName())
                    .put("assignee_user_id", assignee == null ? null : assignee.externalUserId())
                    .put("assignee_email", assignee == null ? null : assignee.email())
                    .put("assignee_name", assignee == null ? null : assignee.displayName())
                    .put("resource_id", task.resourceId() == null ? null : task.resourceId().toString())
                    .put("project_key", task.projectKey()).put("url", task.url())
                    .put("source_created_at", task.sourceCreatedAt() == null ? null : task.sourceCreatedAt().toString())
                    .put("source_updated_at", task.sourceUpdatedAt().toString()).put("content_hash", task.contentHash())
                    .put("deleted", task.deleted()).put("version", task.version()).put("last_event_id", task.lastEventId().toString())
                    .put("source", task.source().wireName()).put("raw_payload", task.rawPayload());
            ArrayNode labels = row.putArray("labels");
            task.labels().forEach(labels::add);
        }
        return JSON.writeValueAsString(rows);
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
