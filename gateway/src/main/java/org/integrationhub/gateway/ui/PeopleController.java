package org.integrationhub.gateway.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The People page: the organisation's external user mappings (mapping-service), add one (the
 * form can arrive prefilled from a task's assignee), delete one, and the assignees seen in tasks
 * that nobody mapped yet (sync-worker), each with a one-line form to map it.
 */
@Controller
class PeopleController {

    static final List<String> FIELDS = List.of("externalSystem", "externalEmail", "externalUserId", "resourceId");
    private static final int PAGE_SIZE = 50;
    private static final Map<String, String> NOTICES = Map.of("added", "Mapping added.", "deleted", "Mapping deleted.",
            "saved", "Mapping saved.");

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
        for (String field : FIELDS) {
            form.put(field, query.getFirst(field) == null ? "" : query.getFirst(field).trim());
        }
        model.addAttribute("form", form);
        NOTICES.forEach((key, notice) -> {
            if (query.containsKey(key)) {
                model.addAttribute("notice", notice);
            }
        });
        if (query.getFirst("imported") != null) {
            model.addAttribute("notice", "Imported " + query.getFirst("imported") + " mapping(s).");
        }
        int page = pageNumber(query.getFirst("page"));
        return pages.signedIn(exchange, signed -> page(signed, page, model).thenReturn("people"));
    }

    /** The mappings and the unmapped assignees; the latter may fail alone (said in words on the page). */
    Mono<Void> page(Pages.Signed signed, int page, Model model) {
        String path = UriComponentsBuilder.fromPath("/api/external-user-mappings").queryParam("page", page)
                .queryParam("size", PAGE_SIZE).build().toUriString();
        Mono<Void> mappings = api.get(api.services().mappings(), path, signed.session(), signed.requestId())
                .doOnNext(body -> {
                    model.addAttribute("mappings", ViewData.listIn(body));
                    model.addAttribute("page", body.getOrDefault("page", Map.of("number", page, "totalPages", 0, "totalElements", 0)));
                })
                .then();
        Mono<Void> assignees = api.get(api.services().tasks(), "/api/external-tasks/assignees?mapped=false", signed.session(), signed.requestId())
                .doOnNext(body -> model.addAttribute("unmapped", ViewData.listIn(body)))
                .onErrorResume(failure -> !(failure instanceof ServiceAnswered refused && refused.status() == 401), failure -> {
                    model.addAttribute("unmappedError", "The assignees seen in tasks cannot be listed right now. Try again in a minute.");
                    return Mono.empty();
                })
                .then();
        return Mono.when(mappings, assignees);
    }

    @PostMapping("/ui/people")
    Mono<String> add(ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> exchange.getFormData().flatMap(fields -> {
            Map<String, String> form = form(fields);
            return api.post(api.services().mappings(), "/api/external-user-mappings", request(form), signed.session(), signed.requestId())
                    .thenReturn("redirect:/ui/people?added")
                    .onErrorResume(ServiceAnswered.class, refused -> refused.status() == 401 ? Mono.error(refused)
                            : page(signed, 0, model).then(Mono.fromSupplier(() -> {
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

    /** The mapping form's fields as typed (trimmed). */
    static Map<String, String> form(MultiValueMap<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : FIELDS) {
            form.put(field, SignInController.value(fields, field));
        }
        return form;
    }

    /** The body mapping-service takes: the fields that are filled in. */
    static Map<String, Object> request(Map<String, String> form) {
        Map<String, Object> request = new LinkedHashMap<>();
        form.forEach((field, value) -> {
            if (!value.isEmpty()) {
                request.put(field, value);
            }
        });
        return request;
    }

    private static int pageNumber(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
