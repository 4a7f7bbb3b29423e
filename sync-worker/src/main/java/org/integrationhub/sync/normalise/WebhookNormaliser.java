package org.integrationhub.sync.normalise;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.WebhookReceived;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one verified webhook delivery into the task observations it carries: Jira
 * {@code jira:issue_created/updated/deleted}, GitHub {@code issues} (opened, edited, closed,
 * reopened, assigned, unassigned, labeled, unlabeled, deleted, …). A delete becomes a tombstone
 * observation. Anything else is {@link Result#skipped skipped} with its reason — counted, not
 * failed. A body that is not what the provider sends is {@link Unreadable}. The configured
 * {@link NormaliseSettings rules} apply to every observation.
 */
public final class WebhookNormaliser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> JIRA_ISSUE_EVENTS = Set.of("jira:issue_created", "jira:issue_updated");

    /** The observations of one delivery, or why it has none. */
    public record Result(List<TaskObserved> observations, String skipped) {

        static Result of(TaskObserved observation) {
            return new Result(List.of(observation), null);
        }

        static Result skip(String reason) {
            return new Result(List.of(), reason);
        }
    }

    /** The delivery's body cannot be read as the provider's payload; retrying cannot change that. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final NormaliseSettings rules;

    public WebhookNormaliser(NormaliseSettings rules) {
        this.rules = rules;
    }

    public Result normalise(WebhookReceived delivery) {
        Result result = switch (delivery.provider()) {
            case JIRA -> jira(delivery, body(delivery));
            case GITHUB -> github(delivery, body(delivery));
            default -> Result.skip(delivery.provider().wireName() + " deliveries carry no tasks");
        };
        return new Result(result.observations().stream().map(rules::applyTo).toList(), result.skipped());
    }

    private static Result jira(WebhookReceived delivery, JsonNode body) {
        String event = Json.text(body, "webhookEvent");
        JsonNode issue = Json.at(body, "issue");
        if (event == null || (!JIRA_ISSUE_EVENTS.contains(event) && !"jira:issue_deleted".equals(event))) {
            return Result.skip("jira event " + event);
        }
        if (issue == null) {
            throw new Unreadable("a " + event + " without an issue");
        }
        if ("jira:issue_deleted".equals(event)) {
            String id = Json.text(issue, "id");
            if (id == null) {
                throw new Unreadable("a jira:issue_deleted without an issue id");
            }
            JsonNode timestamp = Json.at(body, "timestamp");
            Instant deletedAt = timestamp != null && timestamp.isNumber() ? Instant.ofEpochMilli(timestamp.asLong()) : delivery.receivedAt();
            return Result.of(TaskObserved.tombstone(delivery.connectionId(), ExternalSystem.JIRA, id, deletedAt, TaskObserved.Source.WEBHOOK));
        }
        return Result.of(observe(() -> JiraIssues.observe(issue, delivery.connectionId(), TaskObserved.Source.WEBHOOK)));
    }

    private static Result github(WebhookReceived delivery, JsonNode body) {
        String event = delivery.providerEventType();
        if (!"issues".equals(event)) {
            return Result.skip("github event " + event);
        }
        JsonNode issue = Json.at(body, "issue");
        if (issue == null) {
            throw new Unreadable("an issues event without an issue");
        }
        String repository = Json.text(body, "repository", "full_name");
        if ("deleted".equals(Json.text(body, "action"))) {
            String id = Json.text(issue, "id");
            if (id == null) {
                throw new Unreadable("a deleted issue without an id");
            }
            // GitHub's payload has no deletion time; the delivery's arrival is the closest to it, and later than any edit
            Instant updated = Json.time(Json.text(issue, "updated_at"));
            Instant deletedAt = updated != null && updated.isAfter(delivery.receivedAt()) ? updated : delivery.receivedAt();
            return Result.of(TaskObserved.tombstone(delivery.connectionId(), ExternalSystem.GITHUB, id, deletedAt, TaskObserved.Source.WEBHOOK));
        }
        return Result.of(observe(() -> GitHubIssues.observe(issue, repository, delivery.connectionId(), TaskObserved.Source.WEBHOOK)));
    }

    private static TaskObserved observe(java.util.function.Supplier<TaskObserved> mapping) {
        try {
            return mapping.get();
        } catch (RuntimeException unusable) {
            throw new Unreadable(unusable.getMessage());
        }
    }

    /** The JSON body; GitHub's form variant carries it in the {@code payload} field. */
    private static JsonNode body(WebhookReceived delivery) {
        byte[] raw = delivery.body();
        String contentType = delivery.contentType() == null ? "" : delivery.contentType();
        try {
            if (contentType.startsWith("application/x-www-form-urlencoded")) {
                for (String pair : new String(raw, StandardCharsets.UTF_8).split("&")) {
                    if (pair.startsWith("payload=")) {
                        return JSON.readTree(URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8));
                    }
                }
                throw new Unreadable("a form without a payload field");
            }
            JsonNode node = JSON.readTree(raw);
            if (node == null || !node.isObject()) {
                throw new Unreadable("the body is not a JSON object");
            }
            return node;
        } catch (JacksonException | IllegalArgumentException notJson) {
            throw new Unreadable("the body is not JSON");
        }
    }
}
