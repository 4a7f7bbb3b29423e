package org.integrationhub.gateway.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The Overview page, where a person lands after signing in: tasks by status, system and connection
 * (sync-worker), sync activity of the last 14 days as a bar chart (connector-service), and webhook
 * deliveries by provider and outcome (webhook-ingest). Each part that cannot be read says so on its
 * own; the others still show.
 */
@Controller
class OverviewController {

    static final int DAYS = 14;

    private final HubApi api;
    private final Pages pages;

    OverviewController(HubApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GetMapping("/ui/overview")
    Mono<String> overview(ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> Mono.when(
                part(api.get(api.services().tasks(), "/api/external-tasks/stats", signed.session(), signed.requestId()), "tasks", model,
                        body -> model.addAttribute("stats", body.get("data"))),
                part(api.get(api.services().connector(), "/api/integrations", signed.session(), signed.requestId()), "connections", model,
                        body -> model.addAttribute("connectionNames", names(ViewData.listIn(body)))),
                part(api.get(api.services().connector(), "/api/integrations/sync-activity?days=" + DAYS, signed.session(), signed.requestId()),
                        "activity", model, body -> activity(body, model)),
                part(api.get(api.services().webhooks(), "/api/webhooks/stats", signed.session(), signed.requestId()), "webhooks", model,
                        body -> webhooks(body, model)))
                .thenReturn("overview"));
    }

    /** One part of the page: a 401 ends the session (Pages), any other failure becomes the part's error in words. */
    private static Mono<Void> part(Mono<Map<String, Object>> call, String name, Model model, Consumer<Map<String, Object>> show) {
        return call.doOnNext(show)
                .onErrorResume(failure -> !(failure instanceof ServiceAnswered refused && refused.status() == 401), failure -> {
                    model.addAttribute(name + "Error", "This part cannot be shown right now; a part of the hub is not answering. Try again in a minute.");
                    return Mono.empty();
                })
                .then();
    }

    private static Map<String, String> names(List<?> connections) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Object connection : connections) {
            Map<?, ?> c = (Map<?, ?>) connection;
            Object name = c.get("displayName") != null ? c.get("displayName") : c.get("type");
            names.put(String.valueOf(c.get("id")), String.valueOf(name));
        }
        return names;
    }

    private static void activity(Map<String, Object> body, Model model) {
        List<?> days = body.get("data") instanceof Map<?, ?> data && data.get("days") instanceof List<?> list ? list : List.of();
        List<ActivityChart.Bar> bars = ActivityChart.bars(days);
        model.addAttribute("bars", bars);
        model.addAttribute("chartWidth", ActivityChart.WIDTH);
        model.addAttribute("chartHeight", ActivityChart.HEIGHT);
        model.addAttribute("runsInWindow", bars.stream().mapToLong(ActivityChart.Bar::runs).sum());
    }

    /** Deliveries grouped by provider: {provider: {outcome: deliveries}}, providers and outcomes in name order. */
    private static void webhooks(Map<String, Object> body, Model model) {
        Map<String, Map<String, Long>> byProvider = new TreeMap<>();
        Map<?, ?> data = body.get("data") instanceof Map<?, ?> map ? map : Map.of();
        if (data.get("counts") instanceof List<?> counts) {
            for (Object count : counts) {
                Map<?, ?> c = (Map<?, ?>) count;
                long deliveries = c.get("deliveries") instanceof Number n ? n.longValue() : 0;
                byProvider.computeIfAbsent(String.valueOf(c.get("provider")), any -> new TreeMap<>())
                        .merge(String.valueOf(c.get("outcome")), deliveries, Long::sum);
            }
        }
        model.addAttribute("deliveries", byProvider);
        model.addAttribute("deliveriesSince", data.get("since"));
    }
}
