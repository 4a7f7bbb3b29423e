package org.integrationhub.sandbox.atlassian;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.integrationhub.sandbox.data.IssueStore;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.integrationhub.sandbox.data.SandboxIssues;
import org.integrationhub.sandbox.oauth.Provider;
import org.integrationhub.sandbox.webhooks.WebhookDelivery;
import org.integrationhub.sandbox.webhooks.WebhookSender;
import org.integrationhub.sandbox.webhooks.WebhookTarget;
import org.integrationhub.sandbox.webhooks.WebhookTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes Jira's issue webhooks to every Atlassian webhook target on every change of a Jira issue:
 * {@code jira:issue_created|updated|deleted} with the whole issue, the acting user (the site
 * admin: control calls have no other actor) and, for updates, the changelog. Each (event, target)
 * gets its own {@code X-Atlassian-Webhook-Identifier}, kept on retries (up to 5, with
 * {@code X-Atlassian-Webhook-Retry: n}). Admin targets are signed with {@code X-Hub-Signature}, OAuth
 * targets carry a fresh HS256 JWT on every attempt. A target's events and JQL filter are honoured;
 * targets registered directly in {@link WebhookTargets} get every issue event.
 */
@Component
class JiraWebhookPublisher {

    static final int MAX_RETRIES = 5;

    private static final Logger log = LoggerFactory.getLogger(JiraWebhookPublisher.class);

    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final JiraWebhookRegistry registry;
    private final JiraDeliveryLog deliveries;
    private final JiraIssueJson json;
    private final JqlParser jql;
    private final AtlassianApp app;
    private final JsonMapper mapper;
    private final Environment environment;
    private final Clock clock;
    private final AtomicLong changelogIds = new AtomicLong(10_000);

    JiraWebhookPublisher(IssueStore store, WebhookTargets targets, WebhookSender sender, JiraWebhookRegistry registry,
            JiraDeliveryLog deliveries, JiraIssueJson json, JqlParser jql, AtlassianApp app, JsonMapper mapper, Environment environment,
            Clock clock) {
        this.targets = targets;
        this.sender = sender;
        this.registry = registry;
        this.deliveries = deliveries;
        this.json = json;
        this.jql = jql;
        this.app = app;
        this.mapper = mapper;
        this.environment = environment;
        this.clock = clock;
        store.onChange(this::publish);
    }

    void publish(IssueStore.Change change) {
        SandboxIssue issue = change.after();
        if (issue == null || issue.kind() != SandboxIssues.Kind.JIRA) {
            return;
        }
        String event = switch (change.type()) {
            case "created" -> "jira:issue_created";
            case "deleted" -> "jira:issue_deleted";
            default -> "jira:issue_updated";
        };
        for (WebhookTarget target : targets.of(Provider.ATLASSIAN)) {
            try {
                JiraWebhookRegistry.Registration registration = registry.of(target.id()).orElse(null);
                if (target.url() == null || !wants(target, registration, event, issue)) {
                    continue;
                }
                send(target, registration, event, change);
            } catch (RuntimeException e) {
                log.warn("Could not push {} for {} to {}", event, issue.key(), target, e);
            }
        }
    }

    private boolean wants(WebhookTarget target, JiraWebhookRegistry.Registration registration, String event, SandboxIssue issue) {
        List<String> events = registration == null ? JiraWebhookRegistry.ISSUE_EVENTS : registration.events();
        if (!events.contains(event)) {
            return false;
        }
        String filter = target.filter();
        if (filter == null || filter.isBlank()) {
            return true;
        }
        try {
            return jql.parse(filter).matches(issue);
        } catch (AtlassianException unsupported) {
            return true;
        }
    }

    private void send(WebhookTarget target, JiraWebhookRegistry.Registration registration, String event, IssueStore.Change change) {
        boolean oauth = "oauth".equals(target.style());
        String jwtSecret = secret(target, app.clientSecret());
        byte[] body = mapper.writeValueAsBytes(payload(event, change, oauth && registration != null ? registration.webhookId() : null));
        String deliveryId = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Atlassian-Webhook-Identifier", deliveryId);
        if (oauth) {
            headers.put("Authorization", "Bearer " + WebhookSigning.jwt(app.clientId(), jwtSecret, clock.instant()));
        } else if (target.secret() != null && !target.secret().isEmpty()) {
            headers.put("X-Hub-Signature", WebhookSigning.hubSignature(target.secret(), body));
        }
        sender.send(new WebhookDelivery(Provider.ATLASSIAN, deliveryId, target.url(), "application/json", Map.copyOf(headers), body,
                MAX_RETRIES, attempt -> oauth
                        ? Map.of("X-Atlassian-Webhook-Retry", String.valueOf(attempt),
                                "Authorization", "Bearer " + WebhookSigning.jwt(app.clientId(), jwtSecret, clock.instant()))
                        : Map.of("X-Atlassian-Webhook-Retry", String.valueOf(attempt))));
        if (oauth && registration != null) {
            deliveries.record(deliveryId, registration.clientId(), target.url(), new String(body, StandardCharsets.UTF_8), MAX_RETRIES);
        }
    }

    private static String secret(WebhookTarget target, String fallback) {
        return target.secret() == null || target.secret().isEmpty() ? fallback : target.secret();
    }

    Map<String, Object> payload(String event, IssueStore.Change change, Long matchedWebhookId) {
        String jiraApi = siteBase() + "/rest/api/3";
        SandboxIssue issue = change.after();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("timestamp", clock.millis());
        payload.put("webhookEvent", event);
        payload.put("issue_event_type_name", switch (event) {
            case "jira:issue_created" -> "issue_created";
            case "jira:issue_deleted" -> "issue_deleted";
            default -> JiraChangelog.eventTypeName(change.before(), issue);
        });
        payload.put("user", json.user(app.admin(), jiraApi));
        SandboxIssue shown = "jira:issue_deleted".equals(event) && change.before() != null ? change.before() : issue;
        payload.put("issue", json.issue(shown, JiraFields.all(), jiraApi));
        if ("jira:issue_updated".equals(event) && change.before() != null) {
            Map<String, Object> changelog = new LinkedHashMap<>();
            changelog.put("id", String.valueOf(changelogIds.incrementAndGet()));
            changelog.put("items", JiraChangelog.items(change.before(), issue));
            payload.put("changelog", changelog);
        }
        if (matchedWebhookId != null) {
            payload.put("matchedWebhookIds", List.of(matchedWebhookId));
        }
        return payload;
    }

    /** The first site's URL on this sandbox (webhooks have no request to derive it from). */
    private String siteBase() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8090"));
        return "http://localhost:" + port + "/atlassian/site/" + app.sites().get(0).name();
    }
}
