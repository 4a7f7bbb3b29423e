package org.integrationhub.sandbox.github;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.integrationhub.sandbox.oauth.AccessGrant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * api.github.com: {@code GET /user}, {@code GET /repos/{owner}/{repo}/issues} and
 * {@code GET /repos/{owner}/{repo}/issues/{number}} (authentication and rate limits are done by
 * {@link GitHubApiFilter}). The list takes {@code state} (open|closed|all, default open),
 * {@code since} (updated at or after), {@code sort} (created|updated; comments counts as created,
 * as no issue has comments), {@code direction} (asc|desc, default desc), {@code per_page} (default
 * 30, at most 100) and {@code page} (from 1); pull requests are listed too, with their
 * {@code pull_request} object. The next pages are only in the {@code Link} header: absolute URLs
 * built from the request, with {@code rel="prev"}, {@code "next"}, {@code "last"} and {@code "first"}.
 */
@RestController
class GitHubApiController {

    private static final String ISSUES_DOCS = "https://docs.github.com/rest/issues/issues#list-repository-issues";

    private final GitHubApp app;
    private final GitHubIssueIndex index;

    GitHubApiController(GitHubApp app, GitHubIssueIndex index) {
        this.app = app;
        this.index = index;
    }

    @GetMapping("/github/api/user")
    ResponseEntity<Object> user(ServerWebExchange exchange) {
        AccessGrant grant = exchange.getAttribute(GitHubApiFilter.GRANT);
        Optional<SandboxPerson> person = grant == null ? Optional.empty() : app.person(grant.subject());
        if (person.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "Bad credentials", "https://docs.github.com/rest");
        }
        return ResponseEntity.ok(GitHubJson.authenticatedUser(person.get(), urls(exchange)));
    }

    @GetMapping("/github/api/repos/{owner}/{repo}/issues")
    ResponseEntity<Object> issues(@PathVariable String owner, @PathVariable String repo, @RequestParam Map<String, String> params,
            ServerWebExchange exchange) {
        Optional<String> fullName = app.repo(owner, repo);
        if (fullName.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "Not Found", ISSUES_DOCS);
        }
        GitHubIssueIndex.State state;
        switch (params.getOrDefault("state", "open").toLowerCase(Locale.ROOT)) {
            case "open" -> state = GitHubIssueIndex.State.OPEN;
            case "closed" -> state = GitHubIssueIndex.State.CLOSED;
            case "all" -> state = GitHubIssueIndex.State.ALL;
            default -> {
                return invalid("state");
            }
        }
        Instant since = null;
        if (params.get("since") != null && !params.get("since").isBlank()) {
            since = parseTimestamp(params.get("since").trim());
            if (since == null) {
                return invalid("since");
            }
        }
        GitHubIssueIndex.Sort sort = "updated".equalsIgnoreCase(params.get("sort")) ? GitHubIssueIndex.Sort.UPDATED
                : GitHubIssueIndex.Sort.CREATED;
        boolean ascending = "asc".equalsIgnoreCase(params.get("direction"));
        int perPage = number(params.get("per_page"), 30);
        perPage = perPage <= 0 ? 30 : Math.min(perPage, 100);
        int page = Math.max(1, number(params.get("page"), 1));

        GitHubIssueIndex.Page result = index.page(new GitHubIssueIndex.Query(fullName.get(), state, since, sort, ascending,
                (long) (page - 1) * perPage, perPage));
        GitHubJson.Urls urls = urls(exchange);
        List<Map<String, Object>> body = new ArrayList<>(result.issues().size());
        for (SandboxIssue issue : result.issues()) {
            body.add(GitHubJson.issue(issue, urls));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        long lastPage = Math.max(1, (result.total() + perPage - 1) / perPage);
        String link = link(exchange.getRequest().getURI(), page, lastPage, result.total());
        if (link != null) {
            answer.header(HttpHeaders.LINK, link);
        }
        return answer.body(body);
    }

    @GetMapping("/github/api/repos/{owner}/{repo}/issues/{number}")
    ResponseEntity<Object> issue(@PathVariable String owner, @PathVariable String repo, @PathVariable String number,
            ServerWebExchange exchange) {
        Optional<String> fullName = app.repo(owner, repo);
        int wanted = number(number, -1);
        if (fullName.isEmpty() || wanted <= 0) {
            return error(HttpStatus.NOT_FOUND, "Not Found", "https://docs.github.com/rest/issues/issues#get-an-issue");
        }
        Optional<SandboxIssue> issue = index.find(fullName.get(), wanted);
        if (issue.isEmpty()) {
            return index.deleted(fullName.get(), wanted)
                    ? error(HttpStatus.GONE, "This issue was deleted", "https://docs.github.com/rest/issues/issues#get-an-issue")
                    : error(HttpStatus.NOT_FOUND, "Not Found", "https://docs.github.com/rest/issues/issues#get-an-issue");
        }
        return ResponseEntity.ok(GitHubJson.issue(issue.get(), urls(exchange)));
    }

    /** GitHub's order: prev, next, last, first; none when everything fits on one page. */
    static String link(URI request, int page, long lastPage, long total) {
        if (total == 0 || (page == 1 && lastPage == 1)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (page > 1) {
            parts.add(pageLink(request, Math.min(page - 1, lastPage), "prev"));
        }
        if (page < lastPage) {
            parts.add(pageLink(request, page + 1, "next"));
            parts.add(pageLink(request, lastPage, "last"));
        }
        if (page > 1) {
            parts.add(pageLink(request, 1, "first"));
        }
        return String.join(", ", parts);
    }

    private static String pageLink(URI request, long page, String rel) {
        String url = UriComponentsBuilder.fromUri(request).replaceQueryParam("page", page).build(true).toUriString();
        return "<" + url + ">; rel=\"" + rel + "\"";
    }

    /** ISO 8601 as GitHub takes it: {@code 2026-11-22T10:15:30Z}, an offset, fractions, or just a date (UTC). */
    static Instant parseTimestamp(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // try the shorter forms
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try a date
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int number(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static GitHubJson.Urls urls(ServerWebExchange exchange) {
        return GitHubJson.Urls.of(exchange.getRequest().getURI());
    }

    static ResponseEntity<Object> error(HttpStatus status, String message, String documentationUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("documentation_url", documentationUrl);
        body.put("status", String.valueOf(status.value()));
        return ResponseEntity.status(status).body(body);
    }

    private static ResponseEntity<Object> invalid(String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Validation Failed");
        body.put("errors", List.of(Map.of("resource", "Issue", "field", field, "code", "invalid")));
        body.put("documentation_url", ISSUES_DOCS);
        body.put("status", "422");
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
    }
}
