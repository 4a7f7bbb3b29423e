package org.integrationhub.sandbox.atlassian;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Confluence Cloud v2 pages, minimal: 25 fixed pages in three spaces, paged with an opaque
 * {@code cursor}; the next page is in {@code _links.next} (relative to the site, as Confluence
 * gives it even through api.atlassian.com) and in a {@code Link} header.
 */
@Component
class ConfluencePages {

    static final int PAGE_COUNT = 25;
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 250;
    static final String PATH = "/wiki/api/v2/pages";

    private static final Instant BASE = Instant.parse("2026-01-05T09:00:00Z");
    private static final String[] TOPICS = {"Onboarding", "Runbook", "Release notes", "Architecture", "Meeting notes"};
    private static final String[] SPACES = {"65538", "65539", "65540"};

    private final AtlassianApp app;

    ConfluencePages(AtlassianApp app) {
        this.app = app;
    }

    /** One page of pages, and the relative link to the next one (null on the last). */
    record Page(List<Map<String, Object>> results, String next) {
    }

    Page page(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw AtlassianException.confluence(HttpStatus.BAD_REQUEST, "INVALID_REQUEST_PARAMETER",
                    "limit must be between 1 and " + MAX_LIMIT);
        }
        int offset = cursor == null || cursor.isBlank() ? 0 : offset(cursor);
        List<Map<String, Object>> results = IntStream.range(offset, Math.min(PAGE_COUNT, offset + size)).mapToObj(this::page).toList();
        String next = offset + size < PAGE_COUNT ? PATH + "?limit=" + size + "&cursor=" + cursor(offset + size) : null;
        return new Page(results, next);
    }

    private Map<String, Object> page(int index) {
        SandboxPerson author = app.people().get(index % app.people().size());
        String created = DateTimeFormatter.ISO_INSTANT.format(BASE.plus(Duration.ofHours(7L * index)));
        String id = String.valueOf(98_305 + index);
        String title = TOPICS[index % TOPICS.length] + " " + (index / TOPICS.length + 1);
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("createdAt", created);
        version.put("message", "");
        version.put("number", 1 + index % 4);
        version.put("minorEdit", false);
        version.put("authorId", author.accountId());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("webui", "/spaces/S" + index % SPACES.length + "/pages/" + id);
        links.put("tinyui", "/x/" + Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.US_ASCII)));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", id);
        page.put("status", "current");
        page.put("title", title);
        page.put("spaceId", SPACES[index % SPACES.length]);
        page.put("parentId", index < SPACES.length ? null : String.valueOf(98_305 + index % SPACES.length));
        page.put("parentType", index < SPACES.length ? null : "page");
        page.put("authorId", author.accountId());
        page.put("createdAt", created);
        page.put("version", version);
        page.put("_links", links);
        return page;
    }

    private static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("pages:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int offset = raw.startsWith("pages:") ? Integer.parseInt(raw.substring("pages:".length())) : -1;
            if (offset >= 0) {
                return offset;
            }
        } catch (IllegalArgumentException invalid) {
            // falls through
        }
        throw AtlassianException.confluence(HttpStatus.BAD_REQUEST, "INVALID_REQUEST_PARAMETER", "Invalid cursor");
    }
}
