package org.integrationhub.sandbox.atlassian;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.integrationhub.sandbox.data.IssueStore;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.integrationhub.sandbox.data.SandboxIssues;
import org.springframework.stereotype.Component;

/**
 * The enhanced search ({@code /rest/api/3/search/jql}): {@code {issues, nextPageToken?, isLast}},
 * never a total. Issues come lazily from the store in update order; an ascending page resumes at
 * its token's key (cost: the page), a descending page keeps only the last {@code maxResults + 1}
 * matches before the key while it streams (cost: a scan, memory: the page).
 */
@Component
class JiraSearch {

    static final int DEFAULT_MAX_RESULTS = 50;
    static final int MAX_RESULTS = 100;

    private final IssueStore store;
    private final JqlParser parser;
    private final JiraIssueJson json;

    JiraSearch(IssueStore store, JqlParser parser, JiraIssueJson json) {
        this.store = store;
        this.parser = parser;
        this.json = json;
    }

    Map<String, Object> search(AtlassianCaller caller, String jqlText, String nextPageToken, Integer maxResults, JiraFields fields) {
        caller.requireScope(JiraScopes.READ_WORK);
        Jql jql = parser.parse(jqlText);
        int max = maxResults == null ? DEFAULT_MAX_RESULTS : Math.max(1, Math.min(MAX_RESULTS, maxResults));
        PageToken resume = nextPageToken == null || nextPageToken.isBlank() ? null : PageToken.decode(nextPageToken, jql);
        List<SandboxIssue> rows = jql.descending() ? descending(jql, resume, max) : ascending(jql, resume, max);
        boolean more = rows.size() > max;
        List<SandboxIssue> page = more ? rows.subList(0, max) : rows;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("issues", page.stream().map(issue -> json.issue(issue, fields, caller.jiraApi())).toList());
        if (more) {
            answer.put("nextPageToken", PageToken.after(page.get(page.size() - 1), jql).encode());
        }
        answer.put("isLast", !more);
        return answer;
    }

    private List<SandboxIssue> ascending(Jql jql, PageToken resume, int max) {
        Instant since = jql.updatedFrom();
        if (resume != null && (since == null || resume.updated().isAfter(since))) {
            since = resume.updated();
        }
        Stream<SandboxIssue> matches = matching(jql, since);
        if (resume != null) {
            matches = matches.filter(resume::precedes);
        }
        return matches.limit(max + 1L).toList();
    }

    private List<SandboxIssue> descending(Jql jql, PageToken resume, int max) {
        Stream<SandboxIssue> matches = matching(jql, jql.updatedFrom());
        if (resume != null) {
            matches = matches.filter(resume::follows);
        }
        Deque<SandboxIssue> last = new ArrayDeque<>(max + 1);
        matches.forEachOrdered(issue -> {
            last.addLast(issue);
            if (last.size() > max + 1) {
                last.removeFirst();
            }
        });
        List<SandboxIssue> rows = new ArrayList<>(last.size());
        last.descendingIterator().forEachRemaining(rows::add);
        return rows;
    }

    private Stream<SandboxIssue> matching(Jql jql, Instant since) {
        return store.updatedSince(SandboxIssues.Kind.JIRA, since, jql::projectMatches).filter(jql::matches);
    }
}
