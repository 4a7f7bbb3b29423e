package org.integrationhub.sync.fetch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.sync.normalise.JiraIssues;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Jira Cloud's enhanced JQL search ({@code GET /rest/api/3/search/jql} with {@code nextPageToken};
 * the old {@code /search} is gone), restricted to the connection's projects and JQL filter, and to
 * what changed since the cursor. JQL dates have minute precision and are read in the user's time
 * zone, so the query starts at the cursor's minute in that zone (from {@code /myself}) and the
 * items already fetched at the boundary are left out by the cursor.
 */
class JiraSource implements TaskSource {

    static final String SCOPE = "jira";
    private static final String FIELDS = "summary,status,assignee,project,labels,created,updated";
    private static final DateTimeFormatter JQL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public void fetch(Fetch fetch, Pages pages) {
        String api = stripSlash(fetch.credentials().baseUrl()) + "/rest/api/3";
        String auth = fetch.credentials().authorization();
        Cursor cursor = fetch.cursors().load(fetch.connection().id(), SCOPE);
        String jql = jql(fetch.connection(), cursor, cursor.isStart() ? ZoneOffset.UTC : userZone(fetch.client(), api, auth));
        String next = null;
        do {
            String url = api + "/search/jql?jql=" + encode(jql) + "&maxResults=" + fetch.pageSize() + "&fields=" + FIELDS
                    + (next == null ? "" : "&nextPageToken=" + encode(next));
            JsonNode body = fetch.client().get(url, auth, JiraSource::json).body();
            JsonNode issues = body == null ? null : body.get("issues");
            if (issues == null || !issues.isArray()) {
                throw new SyncFailed("Jira answered a search without issues");
            }
            List<TaskObserved> observations = new ArrayList<>();
            for (JsonNode issue : issues) {
                TaskObserved observed = observe(issue, fetch);
                if (!cursor.seen(observed.externalId(), observed.sourceUpdatedAt())) {
                    observations.add(observed);
                }
                cursor = cursor.advance(observed.externalId(), observed.sourceUpdatedAt());
            }
            pages.page(SCOPE, issues.size(), observations, cursor);
            JsonNode token = body.get("nextPageToken");
            boolean last = body.get("isLast") != null && body.get("isLast").asBoolean();
            next = token == null || token.isNull() || last || issues.isEmpty() ? null : token.asString();
        } while (next != null);
    }

    static String jql(ConnectionReplica.Replicated connection, Cursor cursor, ZoneId userZone) {
        List<String> clauses = new ArrayList<>();
        if (!connection.projectKeys().isEmpty()) {
            clauses.add("project in (" + connection.projectKeys().stream().map(k -> "\"" + k.replace("\"", "") + "\"")
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (connection.jqlFilter() != null && !connection.jqlFilter().isBlank()) {
            clauses.add("(" + connection.jqlFilter() + ")");
        }
        if (!cursor.isStart()) {
            clauses.add("updated >= \"" + JQL_MINUTE.format(cursor.updatedAt().atZone(userZone)) + "\"");
        }
        return String.join(" AND ", clauses) + (clauses.isEmpty() ? "" : " ") + "ORDER BY updated ASC, id ASC";
    }

    private static ZoneId userZone(ProviderClient client, String api, String auth) {
        JsonNode me = client.get(api + "/myself", auth, JiraSource::json).body();
        String zone = me == null || me.get("timeZone") == null ? null : me.get("timeZone").asString();
        try {
            return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException unknownZone) {
            return ZoneOffset.UTC;
        }
    }

    private static TaskObserved observe(JsonNode issue, Fetch fetch) {
        try {
            return JiraIssues.observe(issue, fetch.connection().id(), TaskObserved.Source.POLL, fetch.connection().siteUrl());
        } catch (IllegalArgumentException unusable) {
            throw new SyncFailed("Jira returned an issue that cannot be read: " + unusable.getMessage());
        }
    }

    private static HttpHeaders json(HttpHeaders headers) {
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return headers;
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
