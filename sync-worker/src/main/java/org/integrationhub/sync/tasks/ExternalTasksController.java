package org.integrationhub.sync.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.integrationhub.events.Person;
import org.integrationhub.support.security.AuthenticatedUser;
import org.integrationhub.support.web.ApiResponse;
import org.integrationhub.support.web.PagedResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/external-tasks}: the caller's organisation's external tasks, filtered and paged, and
 * one task with its raw provider payload and provenance. Another organisation's ids answer 404.
 */
@RestController
@RequestMapping(path = "/api/external-tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class ExternalTasksController {

    private final TaskQueries queries;
    private final TaskStatistics statistics;

    ExternalTasksController(TaskQueries queries, TaskStatistics statistics) {
        this.queries = queries;
        this.statistics = statistics;
    }

    record TaskView(UUID id, UUID connectionId, String system, String externalId, String key, String title, String status,
            String statusCategory, String kind, Person assignee, UUID resourceId, String projectKey, List<String> labels, String url,
            Instant sourceCreatedAt, Instant sourceUpdatedAt, boolean deleted, long version, Instant createdAt, Instant updatedAt) {

        static TaskView of(ExternalTask t) {
            return new TaskView(t.id(), t.connectionId().value(), t.system().wireName(), t.externalId(), t.key(), t.title(), t.status(),
                    t.statusCategory(), t.kind() == null ? null : t.kind().wireName(), t.assignee(), t.resourceId(), t.projectKey(),
                    t.labels(), t.url(), t.sourceCreatedAt(), t.sourceUpdatedAt(), t.deleted(), t.version(), t.createdAt(), t.updatedAt());
        }
    }

    record ProvenanceView(UUID lastEventId, String source, Instant sourceUpdatedAt, String contentHash, String lastStaleReason,
            Instant lastStaleAt, long staleCount) {
    }

    record TaskDetailView(TaskView task, ProvenanceView provenance, String rawPayload) {

        static TaskDetailView of(ExternalTask t) {
            return new TaskDetailView(TaskView.of(t), new ProvenanceView(t.lastEventId(), t.source().wireName(), t.sourceUpdatedAt(),
                    t.contentHash(), t.staleness().lastStaleReason(), t.staleness().lastStaleAt(), t.staleness().staleCount()),
                    t.rawPayload());
        }
    }

    @GetMapping
    Mono<PagedResponse<TaskView>> list(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(required = false) String connectionId, @RequestParam(required = false) String system,
            @RequestParam(required = false) String status, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String resourceId, @RequestParam(required = false) String updatedSince,
            @RequestParam(required = false) String deleted, @RequestParam(required = false) String mapped,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return Mono.fromSupplier(() -> TaskFilter.parse(connectionId, system, status, assignee, resourceId, updatedSince, deleted, mapped, page, size))
                .flatMap(filter -> queries.list(caller.orgId(), filter))
                .map(found -> new PagedResponse<>(found.data().stream().map(TaskView::of).toList(), found.page()));
    }

    /** The assignees seen in live tasks, most tasks first (at most 500); {@code mapped=false} for those nobody mapped yet. */
    @GetMapping("/assignees")
    Mono<ApiResponse<List<TaskStatistics.Assignee>>> assignees(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(required = false) String mapped) {
        return Mono.fromSupplier(() -> Optional.ofNullable(TaskFilter.optionalBool("mapped", mapped)))
                .flatMap(filter -> statistics.assignees(caller.orgId(), filter.orElse(null)))
                .map(ApiResponse::of);
    }

    /** Counts of the live tasks by status, system and connection, and how many are mapped, unmapped or unassigned. */
    @GetMapping("/stats")
    Mono<ApiResponse<TaskStatistics.Stats>> stats(@AuthenticationPrincipal AuthenticatedUser caller) {
        return statistics.stats(caller.orgId()).map(ApiResponse::of);
    }

    @GetMapping("/{id}")
    Mono<ApiResponse<TaskDetailView>> get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        return queries.get(caller.orgId(), id).map(t -> ApiResponse.of(TaskDetailView.of(t)));
    }
}
