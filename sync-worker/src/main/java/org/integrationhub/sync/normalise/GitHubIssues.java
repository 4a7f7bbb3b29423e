package org.integrationhub.sync.normalise;

import java.time.Instant;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.Person;
import org.integrationhub.events.TaskObserved;
import tools.jackson.databind.JsonNode;

/**
 * A GitHub issue or pull request, as the issues API and {@code issues} webhooks show it, turned into
 * a {@link TaskObserved}: external id is GitHub's numeric id, key {@code owner/repo#number}, the
 * repository is the project, {@code updated_at} the version, and an item carrying a
 * {@code pull_request} key is a pull request.
 */
public final class GitHubIssues {

    private GitHubIssues() {
    }

    public static TaskObserved observe(JsonNode issue, String repository, ConnectionId connection, TaskObserved.Source source) {
        String id = Json.text(issue, "id");
        if (id == null) {
            throw new IllegalArgumentException("a GitHub issue without an id");
        }
        Instant updated = Json.time(Json.text(issue, "updated_at"));
        if (updated == null) {
            throw new IllegalArgumentException("GitHub issue " + id + " has no updated_at");
        }
        String number = Json.text(issue, "number");
        String state = Json.text(issue, "state");
        return new TaskObserved(connection, ExternalSystem.GITHUB, id,
                repository != null && number != null ? repository + "#" + number : number,
                Json.text(issue, "title"),
                state,
                "closed".equals(state) ? "done" : "open".equals(state) ? "new" : null,
                Json.at(issue, "pull_request") != null ? TaskObserved.Kind.PULL_REQUEST : TaskObserved.Kind.ISSUE,
                assignee(Json.at(issue, "assignee")),
                repository,
                Json.texts(Json.at(issue, "labels"), "name"),
                Json.text(issue, "html_url"),
                Json.time(Json.text(issue, "created_at")),
                updated, false, source, issue.toString());
    }

    private static Person assignee(JsonNode user) {
        if (user == null) {
            return null;
        }
        String login = Json.text(user, "login");
        String email = Json.text(user, "email");
        return login == null && email == null ? null : new Person(login, email, login);
    }
}
