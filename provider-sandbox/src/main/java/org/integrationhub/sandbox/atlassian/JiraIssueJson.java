package org.integrationhub.sandbox.atlassian;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.springframework.stereotype.Component;

/** Jira Cloud's JSON for issues and users (REST v3): ids as strings, ADF descriptions, {@code 2026-11-22T10:15:30.123+0000}. */
@Component
class JiraIssueJson {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    static final String TIME_ZONE = "Europe/Berlin";

    private static final Map<String, String> PROJECT_NAMES = Map.of("PROJ", "Project", "OPS", "Operations", "WEB", "Website");

    private final AtlassianApp app;

    JiraIssueJson(AtlassianApp app) {
        this.app = app;
    }

    Map<String, Object> issue(SandboxIssue issue, JiraFields fields, String jiraApi) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(issue.id()));
        if (fields.idOnly()) {
            return json;
        }
        json.put("key", issue.key());
        json.put("self", jiraApi + "/issue/" + issue.id());
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : JiraFields.ALL) {
            if (fields.wants(field)) {
                values.put(field, field(issue, field, jiraApi));
            }
        }
        json.put("fields", values);
        return json;
    }

    private Object field(SandboxIssue issue, String field, String jiraApi) {
        return switch (field) {
            case "summary" -> issue.title();
            case "description" -> adf(issue.description());
            case "status" -> status(issue.status(), issue.statusCategory());
            case "assignee" -> issue.assignee() == null ? null : user(issue.assignee(), jiraApi);
            case "reporter" -> issue.reporter() == null ? null : user(issue.reporter(), jiraApi);
            case "priority" -> named(priorityId(issue.priority()), issue.priority());
            case "issuetype" -> issueType(issue.issueType());
            case "project" -> project(issue.container());
            case "labels" -> issue.labels();
            case "created" -> timestamp(issue.created());
            case "updated" -> timestamp(issue.updated());
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** A user as issues and {@code /myself} show them; {@code emailAddress} is absent when the person hides it. */
    Map<String, Object> user(SandboxPerson person, String jiraApi) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("self", jiraApi + "/user?accountId=" + person.accountId());
        json.put("accountId", person.accountId());
        if (person.email() != null) {
            json.put("emailAddress", person.email());
        }
        json.put("displayName", person.displayName());
        json.put("active", true);
        json.put("timeZone", TIME_ZONE);
        json.put("accountType", "atlassian");
        return json;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** Atlassian Document Format: one paragraph of text, or null. */
    static Map<String, Object> adf(String text) {
        if (text == null) {
            return null;
        }
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("type", "text");
        node.put("text", text);
        Map<String, Object> paragraph = new LinkedHashMap<>();
        paragraph.put("type", "paragraph");
        paragraph.put("content", List.of(node));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "doc");
        doc.put("version", 1);
        doc.put("content", List.of(paragraph));
        return doc;
    }

    static Map<String, Object> status(String name, String categoryKey) {
        Map<String, Object> category = new LinkedHashMap<>();
        switch (categoryKey) {
            case "new" -> category(category, 2, "new", "blue-gray", "To Do");
            case "done" -> category(category, 3, "done", "green", "Done");
            default -> category(category, 4, "indeterminate", "yellow", "In Progress");
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", statusId(name));
        status.put("name", name);
        status.put("statusCategory", category);
        return status;
    }

    private static void category(Map<String, Object> category, int id, String key, String color, String name) {
        category.put("id", id);
        category.put("key", key);
        category.put("colorName", color);
        category.put("name", name);
    }

    static String statusId(String name) {
        return switch (name) {
            case "To Do" -> "10000";
            case "In Progress" -> "3";
            case "In Review" -> "10001";
            case "Done" -> "10002";
            default -> "1";
        };
    }

    private static String priorityId(String name) {
        return switch (name == null ? "" : name) {
            case "Highest" -> "1";
            case "High" -> "2";
            case "Low" -> "4";
            case "Lowest" -> "5";
            default -> "3";
        };
    }

    private static Map<String, Object> issueType(String name) {
        Map<String, Object> type = named("Bug".equals(name) ? "10002" : "10001", name);
        type.put("subtask", false);
        return type;
    }

    private Map<String, Object> project(String key) {
        Map<String, Object> project = named(String.valueOf(10_000 + Math.max(0, app.projects().indexOf(key))), null);
        project.remove("name");
        project.put("key", key);
        project.put("name", PROJECT_NAMES.getOrDefault(key, key));
        return project;
    }

    private static Map<String, Object> named(String id, String name) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        return json;
    }
}
