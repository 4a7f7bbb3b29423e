package org.integrationhub.sync.tasks;

import java.util.List;
import java.util.UUID;
import org.integrationhub.events.OrgId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Figures over the organisation's live (not deleted) external tasks: counts by status, system and
 * connection, how many assignees are mapped, and the assignees seen in tasks with their task
 * counts. "Mapped" is what the mapping replica resolved: a task with a resource id.
 */
@Service
class TaskStatistics {

    static final int MAX_ASSIGNEES = 500;

    /** One assignee as the tasks name them: by external user id, or by e-mail when the provider sent no id. */
    record Assignee(String system, String externalUserId, String email, String displayName, long taskCount, boolean mapped) {
    }

    record Count(String value, long count) {
    }

    record ConnectionCount(UUID connectionId, String system, long count) {
    }

    record Assignment(long mapped, long unmapped, long unassigned) {
    }

    record Stats(long total, List<Count> byStatus, List<Count> bySystem, List<ConnectionCount> byConnection, Assignment assignment) {
    }

    private final DatabaseClient db;

    TaskStatistics(DatabaseClient db) {
        this.db = db;
    }

    Mono<List<Assignee>> assignees(OrgId org, Boolean mapped) {
        var spec = db.sql("""
                select external_system, max(assignee_user_id) as user_id, max(assignee_email) as email, max(assignee_name) as name,
                    count(*) as tasks, bool_and(resource_id is not null) as mapped
                from external_tasks
                where organisation_id = :org and not deleted and (assignee_user_id is not null or assignee_email is not null)
                group by external_system, coalesce(assignee_user_id, 'email:' || lower(assignee_email))
                having cast(:mapped as boolean) is null or bool_and(resource_id is not null) = :mapped
                order by count(*) desc, 3, 2 limit :limit""")
                .bind("org", org.value()).bind("limit", MAX_ASSIGNEES);
        spec = mapped == null ? spec.bindNull("mapped", Boolean.class) : spec.bind("mapped", mapped);
        return spec.map(row -> new Assignee(row.get("external_system", String.class), row.get("user_id", String.class),
                row.get("email", String.class), row.get("name", String.class), row.get("tasks", Long.class),
                Boolean.TRUE.equals(row.get("mapped", Boolean.class)))).all().collectList();
    }

    Mono<Stats> stats(OrgId org) {
        Mono<List<Count>> byStatus = counts(org, "coalesce(status, '')");
        Mono<List<Count>> bySystem = counts(org, "external_system");
        Mono<List<ConnectionCount>> byConnection = db.sql("select connection_id, external_system, count(*) as n from external_tasks"
                        + " where organisation_id = :org and not deleted group by connection_id, external_system order by n desc")
                .bind("org", org.value())
                .map(row -> new ConnectionCount(row.get("connection_id", UUID.class), row.get("external_system", String.class),
                        row.get("n", Long.class)))
                .all().collectList();
        Mono<Assignment> assignment = db.sql("""
                select count(*) filter (where resource_id is not null) as mapped,
                    count(*) filter (where resource_id is null and (assignee_user_id is not null or assignee_email is not null)) as unmapped,
                    count(*) filter (where assignee_user_id is null and assignee_email is null) as unassigned
                from external_tasks where organisation_id = :org and not deleted""")
                .bind("org", org.value())
                .map(row -> new Assignment(row.get("mapped", Long.class), row.get("unmapped", Long.class), row.get("unassigned", Long.class)))
                .one();
        return Mono.zip(byStatus, bySystem, byConnection, assignment).map(all -> new Stats(
                all.getT2().stream().mapToLong(Count::count).sum(), all.getT1(), all.getT2(), all.getT3(), all.getT4()));
    }

    private Mono<List<Count>> counts(OrgId org, String column) {
        return db.sql("select " + column + " as value, count(*) as n from external_tasks where organisation_id = :org and not deleted"
                        + " group by 1 order by n desc, 1")
                .bind("org", org.value())
                .map(row -> new Count(row.get("value", String.class), row.get("n", Long.class)))
                .all().collectList();
    }
}
