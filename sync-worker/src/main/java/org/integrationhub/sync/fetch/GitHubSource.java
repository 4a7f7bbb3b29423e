package org.integrationhub.sync.fetch;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.sync.normalise.GitHubIssues;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * GitHub's issues of each repository the connection names in its project keys ({@code owner/repo}),
 * pull requests included and told apart: {@code state=all}, oldest change first, {@code since} the
 * repository's cursor, {@code per_page} up to 100, following the {@code Link} header's
 * {@code rel="next"} (the only way to the next page).
 */
class GitHubSource implements TaskSource {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    @Override
    public void fetch(Fetch fetch, Pages pages) {
        if (fetch.connection().projectKeys().isEmpty()) {
            throw new SyncFailed("the GitHub connection names no repositories (projectKeys: [\"owner/repo\", ...])");
        }
        String api = JiraSource.stripSlash(fetch.credentials().baseUrl());
        for (String repository : fetch.connection().projectKeys()) {
            Cursor cursor = fetch.cursors().load(fetch.connection().id(), repository);
            String url = api + "/repos/" + repository + "/issues?state=all&sort=updated&direction=asc&per_page=" + fetch.pageSize()
                    + (cursor.isStart() ? "" : "&since=" + DateTimeFormatter.ISO_INSTANT.format(cursor.updatedAt()));
            while (url != null) {
                ProviderClient.Answer answer = fetch.client().get(url, fetch.credentials().authorization(), GitHubSource::headers);
                JsonNode items = answer.body();
                if (items == null || !items.isArray()) {
                    throw new SyncFailed("GitHub answered an issue list that is not a list");
                }
                List<TaskObserved> observations = new ArrayList<>();
                for (JsonNode item : items) {
                    TaskObserved observed = observe(item, repository, fetch);
                    if (!cursor.seen(observed.externalId(), observed.sourceUpdatedAt())) {
                        observations.add(observed);
                    }
                    cursor = cursor.advance(observed.externalId(), observed.sourceUpdatedAt());
                }
                pages.page(repository, items.size(), observations, cursor);
                url = next(answer.headers().getFirst(HttpHeaders.LINK));
            }
        }
    }

    static String next(String link) {
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static TaskObserved observe(JsonNode item, String repository, Fetch fetch) {
        try {
            return GitHubIssues.observe(item, repository, fetch.connection().id(), TaskObserved.Source.POLL);
        } catch (IllegalArgumentException unusable) {
            throw new SyncFailed("GitHub returned an issue that cannot be read: " + unusable.getMessage());
        }
    }

    private static HttpHeaders headers(HttpHeaders headers) {
        headers.set(HttpHeaders.ACCEPT, "application/vnd.github+json");
        headers.set("X-GitHub-Api-Version", "2022-11-28");
        return headers;
    }
}
