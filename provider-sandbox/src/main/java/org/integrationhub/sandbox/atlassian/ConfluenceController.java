package org.integrationhub.sandbox.atlassian;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Confluence Cloud v2 {@code GET /wiki/api/v2/pages}, through api.atlassian.com (Bearer) and the
 * site URL (the admin's API token).
 */
@RestController
class ConfluenceController {

    private final AtlassianCallers callers;
    private final ConfluencePages pages;

    ConfluenceController(AtlassianCallers callers, ConfluencePages pages) {
        this.callers = callers;
        this.pages = pages;
    }

    @GetMapping({"/atlassian/api/ex/confluence/{cloudId}" + ConfluencePages.PATH, "/atlassian/site/{siteName}" + ConfluencePages.PATH})
    ResponseEntity<Map<String, Object>> pages(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            ServerWebExchange exchange) {
        AtlassianCaller caller = callers.confluence(exchange);
        caller.requireScope(JiraScopes.READ_PAGES);
        ConfluencePages.Page page = pages.page(limit, cursor);
        String base = caller.siteBase() + "/wiki";
        Map<String, Object> links = new LinkedHashMap<>();
        if (page.next() != null) {
            links.put("next", page.next());
        }
        links.put("base", base);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", page.results());
        body.put("_links", links);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        answer.header(HttpHeaders.LINK, page.next() == null ? "<" + base + ">; rel=\"base\""
                : "<" + page.next() + ">; rel=\"next\", <" + base + ">; rel=\"base\"");
        return answer.body(body);
    }
}
