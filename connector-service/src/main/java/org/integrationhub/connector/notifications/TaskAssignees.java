package org.integrationhub.connector.notifications;

import java.util.UUID;
import org.integrationhub.events.ExternalTaskUpdated;
import org.integrationhub.events.OrgId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Remembers each task's last mapped assignee ({@code slack_task_assignees}) to tell whether a change
 * assigned it to someone new: a mapped assignee on a newer version that differs from the remembered
 * one (or the first one seen). An older or repeated version changes nothing and assigns no one.
 */
@Repository
class TaskAssignees {

    private final DatabaseClient db;

    TaskAssignees(DatabaseClient db) {
        this.db = db;
    }

    /** Records the task's assignee as of this change; true when it is a newly assigned mapped person. */
    Mono<Boolean> newlyAssigned(OrgId org, ExternalTaskUpdated task) {
        if (task.change() == ExternalTaskUpdated.Change.DELETED) {
            return db.sql("delete from slack_task_assignees where organisation_id = :org and task_id = :task")
                    .bind("org", org.value()).bind("task", task.taskId().value()).fetch().rowsUpdated().thenReturn(false);
        }
        UUID resource = task.resourceId() == null ? null : task.resourceId().value();
        var spec = db.sql("""
                with previous as (select resource_id from slack_task_assignees where organisation_id = :org and task_id = :task)
                insert into slack_task_assignees (organisation_id, task_id, resource_id, version)
                values (:org, :task, :resource, :version)
                on conflict (organisation_id, task_id) do update set resource_id = excluded.resource_id, version = excluded.version
                 where slack_task_assignees.version < excluded.version
                returning exists (select 1 from previous) as existed, (select resource_id from previous) as previous_resource""")
                .bind("org", org.value()).bind("task", task.taskId().value()).bind("version", task.version());
        spec = resource == null ? spec.bindNull("resource", UUID.class) : spec.bind("resource", resource);
        return spec.map((row, meta) -> resource != null
                        && (!Boolean.TRUE.equals(row.get("existed", Boolean.class)) || !resource.equals(row.get("previous_resource", UUID.class))))
                .one()
                .defaultIfEmpty(false);
    }
}
