package org.integrationhub.sync.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.ExternalTaskUpdated;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.Person;
import org.integrationhub.events.ResourceId;
import org.integrationhub.events.TaskId;
import org.integrationhub.events.TaskKey;
import org.integrationhub.events.TaskObserved;

/**
 * One stored external task: the newest applied version of one external item of an organisation,
 * with its provenance (which observation last changed it, from where, and the last stale one).
 */
public record ExternalTask(
        UUID id,
        OrgId orgId,
        ConnectionId connectionId,
        ExternalSystem system,
        String externalId,
        String key,
        String title,
        String status,
        String statusCategory,
        TaskObserved.Kind kind,
        Person assignee,
        UUID resourceId,
        String projectKey,
        List<String> labels,
        String url,
        Instant sourceCreatedAt,
        Instant sourceUpdatedAt,
        String contentHash,
        boolean deleted,
        long version,
        UUID lastEventId,
        TaskObserved.Source source,
        String rawPayload,
        Provenance staleness,
        Instant createdAt,
        Instant updatedAt) {

    /** The last observation rejected as older than this task's version, and how many were. */
    public record Provenance(String lastStaleReason, Instant lastStaleAt, long staleCount) {

        static final Provenance NONE = new Provenance(null, null, 0);
    }

    public ExternalTask {
        labels = labels == null ? List.of() : List.copyOf(labels);
        staleness = staleness == null ? Provenance.NONE : staleness;
    }

    public TaskKey taskKey() {
        return new TaskKey(orgId, system, externalId);
    }

    /** A new task (version 1) from an observation; {@code resourceId} is the mapped assignee, if any. */
    public static ExternalTask created(UUID id, OrgId org, TaskObserved observed, String contentHash, UUID resourceId, UUID eventId) {
        return new ExternalTask(id, org, observed.connectionId(), observed.system(), observed.externalId(), observed.key(),
                observed.title(), observed.status(), observed.statusCategory(), observed.kind(), observed.assignee(), resourceId,
                observed.projectKey(), observed.labels(), observed.url(), observed.sourceCreatedAt(), observed.sourceUpdatedAt(),
                contentHash, observed.deleted(), 1, eventId, observed.source(), observed.rawPayload(), Provenance.NONE, null, null);
    }

    /** This task replaced by a newer observation: the next version. */
    public ExternalTask replacedBy(TaskObserved observed, String newHash, UUID newResourceId, UUID eventId) {
        return new ExternalTask(id, orgId, observed.connectionId(), system, externalId, observed.key(), observed.title(),
                observed.status(), observed.statusCategory(), observed.kind(), observed.assignee(), newResourceId,
                observed.projectKey(), observed.labels(), observed.url(), observed.sourceCreatedAt(), observed.sourceUpdatedAt(),
                newHash, false, version + 1, eventId, observed.source(), observed.rawPayload(), staleness, createdAt, updatedAt);
    }

    /** This task deleted at the source by a tombstone: the next version, its last known fields kept. */
    public ExternalTask deletedBy(TaskObserved tombstone, String tombstoneHash, UUID eventId) {
        return new ExternalTask(id, orgId, connectionId, system, externalId, key, title, status, statusCategory, kind, assignee,
                resourceId, projectKey, labels, url, sourceCreatedAt, tombstone.sourceUpdatedAt(), tombstoneHash, true,
                version + 1, eventId, tombstone.source(), rawPayload, staleness, createdAt, updatedAt);
    }

    /** This task after a newer observation with the same content: provenance moves on, no new version. */
    public ExternalTask withProvenance(Instant newSourceUpdatedAt, UUID eventId, TaskObserved.Source newSource, String newRawPayload) {
        return new ExternalTask(id, orgId, connectionId, system, externalId, key, title, status, statusCategory, kind, assignee,
                resourceId, projectKey, labels, url, sourceCreatedAt, newSourceUpdatedAt, contentHash, deleted, version, eventId,
                newSource, newRawPayload, staleness, createdAt, updatedAt);
    }

    /** The domain event announcing this (already changed) task. */
    public ExternalTaskUpdated toEvent(ExternalTaskUpdated.Change change, String previousStatus) {
        return new ExternalTaskUpdated(TaskId.of(id), connectionId, system, externalId, key, title, status, previousStatus, change,
                assignee, resourceId == null ? null : ResourceId.of(resourceId), source, sourceUpdatedAt, version);
    }
}
