package org.integrationhub.sandbox.atlassian;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.integrationhub.sandbox.data.SandboxPerson;

/** The {@code changelog.items} of a {@code jira:issue_updated} webhook: one item per changed field. */
final class JiraChangelog {

    private JiraChangelog() {
    }

    static List<Map<String, Object>> items(SandboxIssue before, SandboxIssue after) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (!Objects.equals(before.title(), after.title())) {
            items.add(item("summary", null, before.title(), null, after.title()));
        }
        if (!Objects.equals(before.description(), after.description())) {
            items.add(item("description", null, before.description(), null, after.description()));
        }
        if (!Objects.equals(before.status(), after.status())) {
            items.add(item("status", JiraIssueJson.statusId(before.status()), before.status(), JiraIssueJson.statusId(after.status()),
                    after.status()));
        }
        if (!Objects.equals(accountId(before.assignee()), accountId(after.assignee()))) {
            items.add(item("assignee", accountId(before.assignee()), displayName(before.assignee()), accountId(after.assignee()),
                    displayName(after.assignee())));
        }
        if (!Objects.equals(before.priority(), after.priority())) {
            items.add(item("priority", null, before.priority(), null, after.priority()));
        }
        if (!Objects.equals(before.issueType(), after.issueType())) {
            items.add(item("issuetype", null, before.issueType(), null, after.issueType()));
        }
        if (!Objects.equals(before.labels(), after.labels())) {
            items.add(item("labels", null, String.join(" ", before.labels()), null, String.join(" ", after.labels())));
        }
        return items;
    }

    /** Jira's event type of an update: transitions are generic, assignments their own, edits updates. */
    static String eventTypeName(SandboxIssue before, SandboxIssue after) {
        if (!Objects.equals(before.status(), after.status())) {
            return "issue_generic";
        }
        List<Map<String, Object>> items = items(before, after);
        if (!items.isEmpty() && items.stream().allMatch(item -> "assignee".equals(item.get("field")))) {
            return "issue_assigned";
        }
        return "issue_updated";
    }

    private static Map<String, Object> item(String field, String from, String fromString, String to, String toString) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("field", field);
        item.put("fieldtype", "jira");
        item.put("fieldId", field);
        item.put("from", from);
        item.put("fromString", fromString);
        item.put("to", to);
        item.put("toString", toString);
        return item;
    }

    private static String accountId(SandboxPerson person) {
        return person == null ? null : person.accountId();
    }

    private static String displayName(SandboxPerson person) {
        return person == null ? null : person.displayName();
    }
}
