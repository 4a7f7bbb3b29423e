package org.integrationhub.gateway.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The People page: the organisation's external user mappings (mapping-service), add one (the
 * form can arrive prefilled from a task's assignee) and delete one.
 */
@Controller
class PeopleController {

    private static final int PAGE_SIZE = 50;

    private final HubApi api;
    private final Pages pages;

    PeopleController(HubApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GetMapping("/ui/people")
    Mono<String> list(ServerWebExchange exchange, Model model) {
        var query = exchange.getRequest().getQueryParams();
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("externalSystem", "externalEmail", "externalUserId", "resourceId")) {
            form.put(field, query.getFirst(field) == null ? "" : query.getFirst(field).trim());
        }
        model.addAttribute("form", form);
        if (query.containsKey("added")) {
            model.addAttribute("notice", "Mapping added.");
        } else if (query.containsKey("deleted")) {
            model.addAttribute("notice", "Mapping deleted.");
        }
        int page = pageNumber(query.getFirst("page"));
        return pages.signedIn(exchange, signed -> mappings(signed, page, model).thenReturn("people"));
    }

    private Mono<Void> mappings(Pages.Signed signed, int page, Model model) {
        String path = UriComponentsBuilder.fromPath("/api/external-user-mappings").queryParam("page", page)
                .queryParam("size", PAGE_SIZE).build().toUriString();
        return api.get(api.services().mappings(), path, signed.session(), signed.requestId())
                .doOnNext(body -> {
                    model.addAttribute("mappings", ViewData.listIn(body));
                    model.addAttribute("page", body.getOrDefault("page", Map.of("number", page, "totalPages", 0, "totalElements", 0)));
                })
                .then();
    }

    @PostMapping("/ui/people")
    Mono<String> add(ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> exchange.getFormData().flatMap(fields -> {
            Map<String, String> form = new LinkedHashMap<>();
            for (String field : List.of("externalSystem", "externalEmail", "externalUserId", "resourceId")) {
                form.put(field, SignInController.value(fields, field));
            }
            Map<String, Object> request = new LinkedHashMap<>();
            form.forEach((field, value) -> {
                if (!value.isEmpty()) {
                    request.put(field, value);
                }
            });
            return api.post(api.services().mappings(), "/api/external-user-mappings", request, signed.session(), signed.requestId())
                    .thenReturn("redirect:/ui/people?added")
                    .onErrorResume(ServiceAnswered.class, refused -> refused.status() == 401 ? Mono.error(refused)
                            : mappings(signed, 0, model).then(Mono.fromSupplier(() -> {
                                exchange.getResponse().setStatusCode(HttpStatus.valueOf(refused.status()));
                                model.addAttribute("form", form);
                                model.addAttribute("addError", refused.detail());
                                model.addAttribute("addErrors", refused.errors());
                                return "people";
                            })));
        }));
    }

    @PostMapping("/ui/people/{id}/delete")
    Mono<String> delete(@PathVariable UUID id, ServerWebExchange exchange) {
        return pages.signedIn(exchange, signed -> api.delete(api.services().mappings(), "/api/external-user-mappings/" + id,
                signed.session(), signed.requestId()).thenReturn("redirect:/ui/people?deleted"));
    }

    private static int pageNumber(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
