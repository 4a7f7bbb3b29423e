package org.integrationhub.sync.normalise;

import java.time.Instant;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.Person;
import org.integrationhub.events.TaskObserved;
import tools.jackson.databind.JsonNode;

/**
 * A Jira issue as Jira's REST API and its webhooks show it ({@code {id, key, self, fields: {...}}})
 * turned into a {@link TaskObserved}. The version is {@code fields.updated}; the browse URL is
 * derived from the issue's {@code self} link, so it points at the site the issue came from.
 */
public final class JiraIssues {

    private JiraIssues() {
    }

    public static TaskObserved observe(JsonNode issue, ConnectionId connection, TaskObserved.Source source) {
        String id = Json.text(issue, "id");
        if (id == null) {
            throw new IllegalArgumentException("a Jira issue without an id");
        }
        Instant updated = Json.time(Json.text(issue, "fields", "updated"));
        if (updated == null) {
            throw new IllegalArgumentException("Jira issue " + id + " has no fields.updated");
        }
        String key = Json.text(issue, "key");
        return new TaskObserved(connection, ExternalSystem.JIRA, id, key,
                Json.text(issue, "fields", "summary"),
                Json.text(issue, "fields", "status", "name"),
                Json.text(issue, "fields", "status", "statusCategory", "key"),
                TaskObserved.Kind.ISSUE,
                assignee(Json.at(issue, "fields", "assignee")),
                Json.text(issue, "fields", "project", "key"),
                Json.texts(Json.at(issue, "fields", "labels"), null),
                browseUrl(Json.text(issue, "self"), key),
                Json.time(Json.text(issue, "fields", "created")),
                updated, false, source, issue.toString());
    }

    private static Person assignee(JsonNode user) {
        if (user == null) {
            return null;
        }
        String accountId = Json.text(user, "accountId");
        String email = Json.text(user, "emailAddress");
        String name = Json.text(user, "displayName");
        return accountId == null && email == null && name == null ? null : new Person(accountId, email, name);
    }

    /** {@code https://site/rest/api/3/issue/10042} → {@code https://site/browse/OPS-42}. */
    static String browseUrl(String self, String key) {
        if (self == null || key == null) {
            return null;
        }
        int rest = self.indexOf("/rest/api/");
        return rest < 0 ? null : self.substring(0, rest) + "/browse/" + key;
    }
}
