package org.integrationhub.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One normalised version of one external item (a Jira issue, a GitHub issue or pull request),
 * from a webhook, a poll or a replay. Required: {@code connectionId}, {@code system},
 * {@code externalId}, {@code sourceUpdatedAt} (the version: older never overwrites newer) and
 * {@code source}. Everything else is nullable — a {@link #tombstone deleted} item carries only the
 * required fields — and {@code labels} is never null. {@code rawPayload} is the provider's JSON.
 * {@code syncRunId} (optional, added 2026-11-23, ADR 0021) names the sync run whose fetch published the
 * observation, so the apply stage can count the run's observations; null for webhooks and replays, and
 * absent in records written before it existed.
 */
public record TaskObserved(
        ConnectionId connectionId,
        ExternalSystem system,
        String externalId,
        String key,
        String title,
        String status,
        String statusCategory,
        Kind kind,
        Person assignee,
        String projectKey,
        List<String> labels,
        String url,
        Instant sourceCreatedAt,
        Instant sourceUpdatedAt,
        boolean deleted,
        Source source,
        String rawPayload,
        SyncRunId syncRunId) {

    public TaskObserved {
        Objects.requireNonNull(connectionId, "connectionId is required");
        Objects.requireNonNull(system, "system is required");
        Objects.requireNonNull(externalId, "externalId is required");
        Objects.requireNonNull(sourceUpdatedAt, "sourceUpdatedAt is required");
        Objects.requireNonNull(source, "source is required");
        if (externalId.isBlank()) {
            throw new IllegalArgumentException("externalId must not be blank");
        }
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** An observation that no sync run published (a webhook's, a replay's): {@code syncRunId} is null. */
    public TaskObserved(ConnectionId connectionId, ExternalSystem system, String externalId, String key, String title, String status,
            String statusCategory, Kind kind, Person assignee, String projectKey, List<String> labels, String url,
            Instant sourceCreatedAt, Instant sourceUpdatedAt, boolean deleted, Source source, String rawPayload) {
        this(connectionId, system, externalId, key, title, status, statusCategory, kind, assignee, projectKey, labels, url,
                sourceCreatedAt, sourceUpdatedAt, deleted, source, rawPayload, null);
    }

    /** This observation as published by the fetch of sync run {@code run}. */
    public TaskObserved publishedBy(SyncRunId run) {
        return new TaskObserved(connectionId, system, externalId, key, title, status, statusCategory, kind, assignee, projectKey,
                labels, url, sourceCreatedAt, sourceUpdatedAt, deleted, source, rawPayload, run);
    }

    /** The observation that an item was deleted at the source. */
    public static TaskObserved tombstone(ConnectionId connectionId, ExternalSystem system, String externalId,
            Instant sourceUpdatedAt, Source source) {
        return new TaskObserved(connectionId, system, externalId, null, null, null, null, null, null, null,
                List.of(), null, null, sourceUpdatedAt, true, source, null);
    }

    /** What kind of item it is; lower-case on the wire. */
    public enum Kind {
        ISSUE, PULL_REQUEST;

        @JsonValue
        public String wireName() {
            return WireNames.of(this);
        }

        @JsonCreator
        public static Kind fromWireName(String wireName) {
            return WireNames.parse(Kind.class, wireName);
        }
    }

    /** How the observation reached the hub; lower-case on the wire. */
    public enum Source {
        WEBHOOK, POLL, REPLAY;

        @JsonValue
        public String wireName() {
            return WireNames.of(this);
        }

        @JsonCreator
        public static Source fromWireName(String wireName) {
            return WireNames.parse(Source.class, wireName);
        }
    }
}
