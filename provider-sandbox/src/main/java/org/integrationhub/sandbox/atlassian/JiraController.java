package org.integrationhub.sandbox.atlassian;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Jira Cloud REST v3, reachable through api.atlassian.com with an OAuth token
 * ({@code /atlassian/api/ex/jira/{cloudId}/rest/api/3}) and through the site URL with the admin's
 * API token ({@code /atlassian/site/{siteName}/rest/api/3}).
 */
@RestController
@RequestMapping({JiraController.OAUTH_BASE, JiraController.SITE_BASE})
class JiraController {

    static final String OAUTH_BASE = "/atlassian/api/ex/jira/{cloudId}/rest/api/3";
    static final String SITE_BASE = "/atlassian/site/{siteName}/rest/api/3";
    static final String SEARCH_REMOVED = "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. "
            + "A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";
    static final String NO_ISSUE = "Issue does not exist or you do not have permission to see it.";

    private final AtlassianCallers callers;
    private final JiraSearch search;
    private final JiraIssues issues;
    private final JiraIssueJson json;

    JiraController(AtlassianCallers callers, JiraSearch search, JiraIssues issues, JiraIssueJson json) {
        this.callers = callers;
        this.search = search;
        this.issues = issues;
        this.json = json;
    }

    @GetMapping("/myself")
    Map<String, Object> myself(ServerWebExchange exchange) {
        AtlassianCaller caller = callers.jira(exchange);
        caller.requireScope(JiraScopes.READ_USER);
        SandboxPerson person = caller.person();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("self", caller.jiraApi() + "/user?accountId=" + person.accountId());
        me.put("accountId", person.accountId());
        me.put("accountType", "atlassian");
        if (person.email() != null) {
            me.put("emailAddress", person.email());
        }
        me.put("displayName", person.displayName());
        me.put("active", true);
        me.put("timeZone", JiraIssueJson.TIME_ZONE);
        me.put("locale", "en_US");
        return me;
    }

    @GetMapping("/search/jql")
    Map<String, Object> searchGet(@RequestParam(required = false) String jql, @RequestParam(required = false) String nextPageToken,
            @RequestParam(required = false) Integer maxResults, @RequestParam(required = false) List<String> fields,
            @RequestParam(required = false) String expand, ServerWebExchange exchange) {
        return search.search(callers.jira(exchange), jql, nextPageToken, maxResults, JiraFields.parse(fields, false));
    }

    /** The body's {@code expand}, {@code properties}, {@code fieldsByKeys} and {@code reconcileIssues} are accepted and ignored. */
    @PostMapping("/search/jql")
    Map<String, Object> searchPost(@RequestBody(required = false) Map<String, Object> body, ServerWebExchange exchange) {
        Map<String, Object> request = body == null ? Map.of() : body;
        AtlassianCaller caller = callers.jira(exchange);
        Object maxResults = request.get("maxResults");
        Integer max;
        try {
            max = maxResults == null ? null : maxResults instanceof Number number ? number.intValue() : Integer.valueOf(maxResults.toString());
        } catch (NumberFormatException notANumber) {
            throw AtlassianException.jira(HttpStatus.BAD_REQUEST, "maxResults must be a number.");
        }
        return search.search(caller, string(request.get("jql")), string(request.get("nextPageToken")), max,
                JiraFields.parse(strings(request.get("fields")), false));
    }

    @GetMapping("/issue/{idOrKey}")
    Map<String, Object> issue(@PathVariable String idOrKey, @RequestParam(required = false) List<String> fields,
            ServerWebExchange exchange) {
        AtlassianCaller caller = callers.jira(exchange);
        caller.requireScope(JiraScopes.READ_WORK);
        return issues.find(idOrKey).map(issue -> json.issue(issue, JiraFields.parse(fields, true), caller.jiraApi()))
                .orElseThrow(() -> AtlassianException.jira(HttpStatus.NOT_FOUND, NO_ISSUE));
    }

    /** The old search (startAt/total) is gone at Atlassian: 410 for everyone who still calls it. */
    @RequestMapping("/search")
    Map<String, Object> removedSearch(ServerWebExchange exchange) {
        callers.jira(exchange);
        throw AtlassianException.jira(HttpStatus.GONE, SEARCH_REMOVED);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> strings(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> values.add(string(item)));
        } else if (value != null) {
            values.add(value.toString());
        }
        return values;
    }
}
