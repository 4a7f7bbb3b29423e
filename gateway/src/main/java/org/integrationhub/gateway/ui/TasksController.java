package org.integrationhub.gateway.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Tasks pages: the organisation's external tasks with filters (system, connection, status,
 * assignee, mapped or not) and paging, newest source update first; and one task with its provenance and the
 * provider's raw payload, pretty-printed.
 */
@Controller
class TasksController {

    static final List<String> FILTERS = List.of("system", "connectionId", "status", "assignee", "mapped");
    private static final int PAGE_SIZE = 25;

    private final HubApi api;
    private final Pages pages;
    private final JsonMapper json;

    TasksController(HubApi api, Pages pages, JsonMapper json) {
        this.api = api;
        this.pages = pages;
        this.json = json;
    }

    @GetMapping("/ui/tasks")
    Mono<String> list(ServerWebExchange exchange, Model model) {
        var query = exchange.getRequest().getQueryParams();
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/external-tasks").queryParam("size", PAGE_SIZE);
        var filters = new java.util.LinkedHashMap<String, String>();
        for (String name : FILTERS) {
            String value = query.getFirst(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value.trim());
                uri.queryParam(name, value.trim());
            }
        }
        int page = pageNumber(query.getFirst("page"));
        uri.queryParam("page", page);
        model.addAttribute("filters", filters);
        return pages.signedIn(exchange, signed -> api.get(api.services().tasks(), uri.encode().build().toUriString(), signed.session(), signed.requestId())
                .map(body -> {
                    model.addAttribute("tasks", ViewData.listIn(body));
                    model.addAttribute("page", body.getOrDefault("page", Map.of("number", page, "totalPages", 0, "totalElements", 0)));
                    model.addAttribute("pageLink", pageLink(filters));
                    return "tasks";
                }));
    }

    private static int pageNumber(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** The list's address with the same filters, ending in {@code page=} for the page number to follow. */
    private static String pageLink(Map<String, String> filters) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/ui/tasks");
        filters.forEach(link::queryParam);
        String base = link.encode().build().toUriString();
        return base + (base.contains("?") ? "&" : "?") + "page=";
    }

    @GetMapping("/ui/tasks/{id}")
    Mono<String> detail(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> api.get(api.services().tasks(), "/api/external-tasks/" + id, signed.session(), signed.requestId())
                .map(body -> {
                    Map<?, ?> data = (Map<?, ?>) body.get("data");
                    model.addAttribute("task", data.get("task"));
                    model.addAttribute("provenance", data.get("provenance"));
                    model.addAttribute("rawPayload", pretty(data.get("rawPayload")));
                    return "task";
                }));
    }

    String pretty(Object raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.toString();
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(text));
        } catch (JacksonException notJson) {
            return text;
        }
    }
}
