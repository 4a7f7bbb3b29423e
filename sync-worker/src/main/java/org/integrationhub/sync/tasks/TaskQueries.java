package org.integrationhub.sync.tasks;

import java.time.Instant;
import java.util.UUID;
import org.integrationhub.events.OrgId;
import org.integrationhub.support.web.HubProblem;
import org.integrationhub.support.web.PagedResponse;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the organisation's external tasks: filtered pages, and one task with its provenance. */
@Service
class TaskQueries {

    private static final String FILTER = " where organisation_id = :org and deleted = :deleted"
            + " and (cast(:connection as uuid) is null or connection_id = :connection)"
            + " and (cast(:system as text) is null or external_system = :system)"
            + " and (cast(:status as text) is null or lower(status) = lower(:status))"
            + " and (cast(:assignee as text) is null or assignee_user_id = :assignee or lower(assignee_email) = lower(:assignee))"
            + " and (cast(:resource as uuid) is null or resource_id = :resource)"
            + " and (cast(:since as timestamptz) is null or source_updated_at >= :since)"
            + " and (cast(:mapped as boolean) is null or (:mapped and resource_id is not null)"
            + "   or (not :mapped and resource_id is null and (assignee_user_id is not null or assignee_email is not null)))";

    /** Unknown id, or an id of another organisation: the same answer, so nothing leaks. */
    static final class ExternalTaskNotFound extends HubProblem {
        ExternalTaskNotFound() {
            super(HttpStatus.NOT_FOUND, "external_task_not_found", "No such external task.");
        }
    }

    private final DatabaseClient db;
    private final ExternalTaskRepository tasks;

    TaskQueries(DatabaseClient db, ExternalTaskRepository tasks) {
        this.db = db;
        this.tasks = tasks;
    }

    Mono<ExternalTask> get(OrgId org, UUID id) {
        return tasks.find(org, id).switchIfEmpty(Mono.error(new ExternalTaskNotFound()));
    }

    Mono<PagedResponse<ExternalTask>> list(OrgId org, TaskFilter filter) {
        Flux<ExternalTask> page = filtered("select " + ExternalTaskRepository.COLUMNS + " from external_tasks" + FILTER
                + " order by source_updated_at desc, id offset :offset limit :limit", org, filter)
                .bind("offset", filter.offset()).bind("limit", filter.size())
                .map(ExternalTaskRepository::toTask).all();
        Mono<Long> total = filtered("select count(*) from external_tasks" + FILTER, org, filter).map(row -> row.get(0, Long.class)).one();
        return page.collectList().zipWith(total)
                .map(found -> PagedResponse.of(found.getT1(), filter.page(), filter.size(), found.getT2()));
    }

    private DatabaseClient.GenericExecuteSpec filtered(String sql, OrgId org, TaskFilter filter) {
        var spec = db.sql(sql).bind("org", org.value()).bind("deleted", filter.deleted());
        spec = filter.connectionId() == null ? spec.bindNull("connection", UUID.class) : spec.bind("connection", filter.connectionId());
        spec = ExternalTaskRepository.bindNullable(spec, "system", filter.system() == null ? null : filter.system().wireName());
        spec = ExternalTaskRepository.bindNullable(spec, "status", filter.status());
        spec = ExternalTaskRepository.bindNullable(spec, "assignee", filter.assignee());
        spec = filter.resourceId() == null ? spec.bindNull("resource", UUID.class) : spec.bind("resource", filter.resourceId());
        spec = filter.mapped() == null ? spec.bindNull("mapped", Boolean.class) : spec.bind("mapped", filter.mapped());
        return filter.updatedSince() == null ? spec.bindNull("since", Instant.class) : spec.bind("since", filter.updatedSince());
    }
}
