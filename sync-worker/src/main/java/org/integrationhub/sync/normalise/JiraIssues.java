package org.integrationhub.sync.normalise;

import java.time.Instant;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.Person;
import org.integrationhub.events.TaskObserved;
import tools.jackson.databind.JsonNode;

/**
 * A Jira issue as Jira's REST API and its webhooks show it ({@code {id, key, self, fields: {...}}})
 * turned into a {@link TaskObserved}. The version is {@code fields.updated}. The browse URL is on the
 * connection's site ({@code https://acme.atlassian.net/browse/OPS-42}) when the site is known, otherwise derived
 * from the issue's {@code self} link. Over OAuth (3LO) {@code self} is an API gateway address
 * ({@code https://api.atlassian.com/ex/jira/{cloudId}/rest/api/3/issue/10042}) that no person can browse, so
 * without a site URL such an issue has no browse URL rather than a wrong one.
 */
public final class JiraIssues {

    private JiraIssues() {
    }

    public static TaskObserved observe(JsonNode issue, ConnectionId connection, TaskObserved.Source source) {
        return observe(issue, connection, source, null);
    }

    /** As {@link #observe(JsonNode, ConnectionId, TaskObserved.Source)}, with the connection's site URL (nullable). */
    public static TaskObserved observe(JsonNode issue, ConnectionId connection, TaskObserved.Source source, String siteUrl) {
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
                browseUrl(Json.text(issue, "self"), key, siteUrl),
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

    /**
     * {@code siteUrl} known: {@code https://site/browse/OPS-42}. Otherwise from {@code self}:
     * {@code https://site/rest/api/3/issue/10042} → {@code https://site/browse/OPS-42}, and null for an API gateway
     * address ({@code .../ex/jira/{cloudId}/rest/api/3/...}).
     */
    static String browseUrl(String self, String key, String siteUrl) {
        if (key == null) {
            return null;
        }
        if (siteUrl != null && !siteUrl.isBlank()) {
            return siteUrl.replaceAll("/+$", "") + "/browse/" + key;
        }
        if (self == null || self.contains("/ex/jira/")) {
            return null;
        }
        int rest = self.indexOf("/rest/api/");
        return rest < 0 ? null : self.substring(0, rest) + "/browse/" + key;
    }
}
