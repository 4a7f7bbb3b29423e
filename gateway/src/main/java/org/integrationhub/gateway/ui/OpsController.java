package org.integrationhub.gateway.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The operator page ({@code /ui/ops}): pipeline health, dead letters with redrive and discard,
 * replays with their progress (polled while one runs) and cancel, and a form to start one. Every
 * action goes to sync-worker's operator API, which checks the ops role and audits it.
 */
@Controller
class OpsController {

    static final List<String> FILTERS = List.of("topic", "reason", "includeHandled");
    static final List<String> REPLAY_FIELDS = List.of("topic", "mode", "from", "to", "partition", "fromOffset", "toOffset", "organisationId", "connectionId");
    private static final Map<String, String> NOTICES = Map.of("redriven", "Sent back to its topic.", "discarded", "Marked handled; it stays aside.",
            "started", "Replay started.", "cancelling", "Cancel requested; the replay stops after its current batch.");

    private final HubApi api;
    private final OpsPage ops;

    OpsController(HubApi api, OpsPage ops) {
        this.api = api;
        this.ops = ops;
    }

    @GetMapping("/ui/ops")
    Mono<String> page(ServerWebExchange exchange, Model model) {
        var query = exchange.getRequest().getQueryParams();
        Map<String, String> filter = new LinkedHashMap<>();
        FILTERS.forEach(name -> filter.put(name, query.getFirst(name) == null ? "" : query.getFirst(name).trim()));
        model.addAttribute("filter", filter);
        model.addAttribute("replayForm", Map.of());
        NOTICES.forEach((key, notice) -> {
            if (query.containsKey(key)) {
                model.addAttribute("notice", notice);
            }
        });
        if (query.containsKey("redrivenAll")) {
            model.addAttribute("notice", "Redrive: " + count(query.getFirst("sent")) + " sent back, " + count(query.getFirst("handled"))
                    + " already handled, " + count(query.getFirst("failed")) + " failed.");
        }
        return ops.forOperators(exchange, model, signed -> render(signed, filter, model));
    }

    private Mono<String> render(Pages.Signed signed, Map<String, String> filter, Model model) {
        return Mono.when(ops.health(signed, model), ops.deadLetters(signed, filter, model), ops.replays(signed, model)).thenReturn("ops");
    }

    /** The replays section alone, which polls itself while a replay runs. */
    @GetMapping("/ui/ops/replays")
    Mono<String> replays(ServerWebExchange exchange, Model model) {
        return ops.forOperators(exchange, model, signed -> ops.replays(signed, model).thenReturn("ops :: replays"));
    }

    @PostMapping("/ui/ops/dead-letters/{dltTopic}/{partition}/{offset}/{action:redrive|discard}")
    Mono<String> handle(@PathVariable String dltTopic, @PathVariable int partition, @PathVariable long offset, @PathVariable String action,
            ServerWebExchange exchange, Model model) {
        String path = "/api/ops/dead-letters/" + dltTopic + "/" + partition + "/" + offset + "/" + action;
        return ops.forOperators(exchange, model, signed -> api.post(api.services().tasks(), path, Map.of(), signed.session(), signed.requestId())
                .thenReturn("redirect:/ui/ops?" + (action.equals("redrive") ? "redriven" : "discarded"))
                .onErrorResume(ServiceAnswered.class, refused -> refusal(refused, signed, model, exchange)));
    }

    @PostMapping("/ui/ops/dead-letters/redrive")
    Mono<String> redriveMatching(ServerWebExchange exchange, Model model) {
        return ops.forOperators(exchange, model, signed -> exchange.getFormData().flatMap(form -> {
            Map<String, Object> request = new LinkedHashMap<>();
            for (String name : List.of("topic", "reason")) {
                String value = SignInController.value(form, name);
                if (!value.isEmpty()) {
                    request.put(name, value);
                }
            }
            if (request.isEmpty()) {
                request.put("all", true);
            }
            return api.post(api.services().tasks(), "/api/ops/dead-letters/redrive", request, signed.session(), signed.requestId())
                    .map(body -> {
                        Map<?, ?> data = body.get("data") instanceof Map<?, ?> map ? map : Map.of();
                        return "redirect:/ui/ops?redrivenAll&sent=" + data.get("redriven") + "&handled=" + data.get("alreadyHandled")
                                + "&failed=" + data.get("failed");
                    })
                    .onErrorResume(ServiceAnswered.class, refused -> refusal(refused, signed, model, exchange));
        }));
    }

    @PostMapping("/ui/ops/replays")
    Mono<String> startReplay(ServerWebExchange exchange, Model model) {
        return ops.forOperators(exchange, model, signed -> exchange.getFormData().flatMap(form -> {
            Map<String, String> typed = new LinkedHashMap<>();
            REPLAY_FIELDS.forEach(name -> typed.put(name, SignInController.value(form, name)));
            Map<String, Object> request;
            try {
                request = replayRequest(typed);
            } catch (IllegalArgumentException unreadable) {
                return refusalPage(signed, model, exchange, typed, HttpStatus.BAD_REQUEST, unreadable.getMessage(), null);
            }
            return api.post(api.services().tasks(), "/api/ops/replays", request, signed.session(), signed.requestId())
                    .thenReturn("redirect:/ui/ops?started")
                    .onErrorResume(ServiceAnswered.class, refused -> refused.status() == 401 || refused.status() == 403 ? Mono.error(refused)
                            : refusalPage(signed, model, exchange, typed, HttpStatus.valueOf(refused.status()), refused.detail(), refused.errors()));
        }));
    }

    @PostMapping("/ui/ops/replays/{id}/cancel")
    Mono<String> cancel(@PathVariable java.util.UUID id, ServerWebExchange exchange, Model model) {
        return ops.forOperators(exchange, model, signed -> api.post(api.services().tasks(), "/api/ops/replays/" + id + "/cancel", Map.of(),
                signed.session(), signed.requestId()).thenReturn("redirect:/ui/ops?cancelling")
                .onErrorResume(ServiceAnswered.class, refused -> refusal(refused, signed, model, exchange)));
    }

    private static long count(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** The form's fields as the operator API takes them: times typed in UTC (datetime-local), numbers as numbers. */
    static Map<String, Object> replayRequest(Map<String, String> typed) {
        Map<String, Object> request = new LinkedHashMap<>();
        typed.forEach((name, value) -> {
            if (value.isEmpty()) {
                return;
            }
            switch (name) {
                case "from", "to" -> request.put(name, instant(name, value).toString());
                case "partition" -> request.put(name, number(name, value).intValue());
                case "fromOffset", "toOffset" -> request.put(name, number(name, value));
                default -> request.put(name, value);
            }
        });
        return request;
    }

    private static Instant instant(String name, String value) {
        try {
            return value.endsWith("Z") ? Instant.parse(value) : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            throw new IllegalArgumentException("“" + name + "” is not a date and time such as 2026-11-23T10:00 (UTC).");
        }
    }

    private static Long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException unreadable) {
            throw new IllegalArgumentException("“" + name + "” must be a whole number.");
        }
    }

    private Mono<String> refusal(ServiceAnswered refused, Pages.Signed signed, Model model, ServerWebExchange exchange) {
        if (refused.status() == 401 || refused.status() == 403) {
            return Mono.error(refused);
        }
        return refusalPage(signed, model, exchange, Map.of(), HttpStatus.valueOf(refused.status()), refused.detail(), refused.errors());
    }

    private Mono<String> refusalPage(Pages.Signed signed, Model model, ServerWebExchange exchange, Map<String, String> replayForm,
            HttpStatus status, String error, Object errors) {
        Map<String, String> filter = new LinkedHashMap<>();
        FILTERS.forEach(name -> filter.put(name, ""));
        model.addAttribute("filter", filter);
        model.addAttribute("replayForm", replayForm);
        model.addAttribute("actionError", error);
        model.addAttribute("actionErrors", errors);
        exchange.getResponse().setStatusCode(status);
        return render(signed, filter, model);
    }
}
