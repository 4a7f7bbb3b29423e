package org.integrationhub.sandbox.atlassian;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The logic of {@code /rest/api/3/webhook}: register (each webhook of the request gets an id or
 * errors), list (a page bean with {@code expirationDate} in epoch milliseconds, as Jira's schema
 * types it), refresh (30 more days), delete, and the failed deliveries of the last 72 hours.
 * Only OAuth callers: the API token (the site URL) answers 403, as for Connect-less callers at Jira.
 * A JQL filter the sandbox cannot evaluate is accepted and then matches every issue.
 */
@Component
class DynamicWebhooks {

    static final String APPS_ONLY = "Only Connect and OAuth 2.0 apps can use this operation.";

    private final JiraWebhookRegistry registry;
    private final JiraDeliveryLog deliveries;
    private final JqlParser jql;
    private final AtlassianApp app;

    DynamicWebhooks(JiraWebhookRegistry registry, JiraDeliveryLog deliveries, JqlParser jql, AtlassianApp app) {
        this.registry = registry;
        this.deliveries = deliveries;
        this.jql = jql;
        this.app = app;
    }

    Map<String, Object> register(AtlassianCaller caller, Map<String, Object> body) {
        requireApp(caller);
        String url = body.get("url") == null ? null : body.get("url").toString();
        if (!absoluteHttpUrl(url)) {
            throw AtlassianException.jira(HttpStatus.BAD_REQUEST, "The webhook URL must be an absolute http(s) URL.");
        }
        List<?> requested = JiraWebhookController.list(body.get("webhooks"));
        if (requested.isEmpty()) {
            throw AtlassianException.jira(HttpStatus.BAD_REQUEST, "At least one webhook must be provided.");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Object item : requested) {
            Map<?, ?> webhook = item instanceof Map<?, ?> map ? map : Map.of();
            List<String> events = JiraWebhookController.list(webhook.get("events")).stream().map(String::valueOf).toList();
            Object filter = webhook.get("jqlFilter");
            List<String> errors = validate(events, filter == null ? null : filter.toString());
            Map<String, Object> result = new LinkedHashMap<>();
            if (errors.isEmpty()) {
                result.put("createdWebhookId", registry.registerDynamic(app.clientId(), url, events, filter.toString()).webhookId());
            } else {
                result.put("errors", errors);
            }
            results.add(result);
        }
        return Map.of("webhookRegistrationResult", results);
    }

    Map<String, Object> list(AtlassianCaller caller, int startAt, int maxResults) {
        requireApp(caller);
        List<JiraWebhookRegistry.Registration> all = registry.dynamicOf(app.clientId());
        int from = Math.max(0, Math.min(startAt, all.size()));
        int max = Math.max(1, Math.min(100, maxResults));
        List<Map<String, Object>> values = all.subList(from, Math.min(all.size(), from + max)).stream().map(registration -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("id", registration.webhookId());
            value.put("jqlFilter", registration.jqlFilter());
            value.put("events", registration.events());
            value.put("expirationDate", registration.expiresAt().toEpochMilli());
            value.put("url", registration.url());
            return value;
        }).toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("isLast", from + values.size() >= all.size());
        page.put("maxResults", max);
        page.put("startAt", from);
        page.put("total", all.size());
        page.put("values", values);
        return page;
    }

    Map<String, Object> refresh(AtlassianCaller caller, Map<String, Object> body) {
        requireApp(caller);
        return Map.of("expirationDate", registry.refresh(app.clientId(), webhookIds(body)).toEpochMilli());
    }

    void delete(AtlassianCaller caller, Map<String, Object> body) {
        requireApp(caller);
        registry.deleteDynamic(app.clientId(), webhookIds(body));
    }

    Map<String, Object> failed(AtlassianCaller caller, int maxResults, Long after) {
        requireApp(caller);
        int max = Math.max(1, Math.min(100, maxResults));
        List<JiraDeliveryLog.Failure> failures = deliveries.failures(app.clientId()).stream()
                .filter(f -> after == null || f.failureTime().toEpochMilli() > after).toList();
        List<JiraDeliveryLog.Failure> page = failures.subList(0, Math.min(max, failures.size()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("values", page.stream().map(failure -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("id", failure.deliveryId());
            value.put("body", failure.body());
            value.put("url", failure.url());
            value.put("failureTime", failure.failureTime().toEpochMilli());
            return value;
        }).toList());
        answer.put("maxResults", max);
        if (failures.size() > page.size()) {
            answer.put("next", caller.jiraApi() + "/webhook/failed?after=" + page.get(page.size() - 1).failureTime().toEpochMilli()
                    + "&maxResults=" + max);
        }
        return answer;
    }

    private List<String> validate(List<String> events, String filter) {
        List<String> errors = new ArrayList<>();
        if (events.isEmpty()) {
            errors.add("At least one event must be provided.");
        }
        events.stream().filter(e -> !JiraWebhookRegistry.SUPPORTED_EVENTS.contains(e))
                .forEach(e -> errors.add("The event '" + e + "' is not supported."));
        if (filter == null || filter.isBlank()) {
            errors.add("The JQL filter must be provided.");
        } else {
            try {
                jql.parse(filter);
            } catch (AtlassianException invalid) {
                if (!invalid.getMessage().contains(JqlParser.UNSUPPORTED)) {
                    errors.add(invalid.getMessage());
                }
            }
        }
        return errors;
    }

    private static void requireApp(AtlassianCaller caller) {
        if (!caller.oauth()) {
            throw AtlassianException.jira(HttpStatus.FORBIDDEN, APPS_ONLY);
        }
        caller.requireScope(JiraScopes.MANAGE_WEBHOOKS);
    }

    private static List<Long> webhookIds(Map<String, Object> body) {
        List<Long> ids = new ArrayList<>();
        for (Object id : JiraWebhookController.list(body.get("webhookIds"))) {
            try {
                ids.add(id instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(id)));
            } catch (NumberFormatException notAnId) {
                throw AtlassianException.jira(HttpStatus.BAD_REQUEST, "webhookIds must be numbers.");
            }
        }
        if (ids.isEmpty()) {
            throw AtlassianException.jira(HttpStatus.BAD_REQUEST, "webhookIds must not be empty.");
        }
        return ids;
    }

    private static boolean absoluteHttpUrl(String url) {
        try {
            URI uri = url == null ? null : URI.create(url);
            return uri != null && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
