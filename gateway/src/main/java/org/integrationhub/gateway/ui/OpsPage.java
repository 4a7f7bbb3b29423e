package org.integrationhub.gateway.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.integrationhub.gateway.session.TokenRoles;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * What the operator page shows, read from sync-worker's operator API: pipeline health
 * ({@code /api/ops/health}, or only lag and dead-letter counts from {@code /api/ops/lag} where
 * that is all there is; missing figures are left out), the dead letters (filtered), and the
 * replays. Only for operators: anyone else gets a 403 page in words, without a service call.
 */
@Component
class OpsPage {

    static final String NOT_AN_OPERATOR = "This page is for operators of the hub. Ask an administrator to give your account the ops role.";

    private final HubApi api;
    private final Pages pages;

    OpsPage(HubApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    /** Runs an operator page: a signed-in person without the ops role (by their token, or by sync-worker's 403) gets the 403 page. */
    Mono<String> forOperators(ServerWebExchange exchange, Model model, Function<Pages.Signed, Mono<String>> page) {
        return pages.signedIn(exchange, signed -> {
            if (!TokenRoles.of(signed.session()).contains("ops")) {
                return Mono.just(forbidden(exchange, model));
            }
            return page.apply(signed).onErrorResume(ServiceAnswered.class,
                    refused -> refused.status() == 403 ? Mono.just(forbidden(exchange, model)) : Mono.error(refused));
        });
    }

    private static String forbidden(ServerWebExchange exchange, Model model) {
        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
        model.addAttribute("message", NOT_AN_OPERATOR);
        return "error";
    }

    Mono<Void> health(Pages.Signed signed, Model model) {
        return api.get(api.services().tasks(), "/api/ops/health", signed.session(), signed.requestId())
                .onErrorResume(ServiceAnswered.class, refused -> refused.status() == 404
                        ? api.get(api.services().tasks(), "/api/ops/lag", signed.session(), signed.requestId()) : Mono.error(refused))
                .doOnNext(body -> {
                    Map<?, ?> data = body.get("data") instanceof Map<?, ?> map ? map : Map.of();
                    model.addAttribute("healthAt", data.get("at"));
                    model.addAttribute("stages", list(data.get("stages")));
                    model.addAttribute("lag", list(data.get("lag") instanceof Map<?, ?> nested ? nested.get("lag") : data.get("lag")));
                    model.addAttribute("deadLetterTopics", list(data.get("deadLetterTopics") != null ? data.get("deadLetterTopics") : data.get("deadLetters")));
                    model.addAttribute("syncRunsInProgress", data.get("syncRunsInProgress"));
                    model.addAttribute("kafkaUnreadable", data.get("kafkaUnreadable"));
                })
                .onErrorResume(failure -> !(failure instanceof ServiceAnswered refused && (refused.status() == 401 || refused.status() == 403)),
                        failure -> {
                            model.addAttribute("healthError", failure instanceof ServiceAnswered refused ? refused.detail()
                                    : "The pipeline's health cannot be read right now. Try again in a minute.");
                            return Mono.empty();
                        })
                .then();
    }

    Mono<Void> deadLetters(Pages.Signed signed, Map<String, String> filter, Model model) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/ops/dead-letters");
        filter.forEach((name, value) -> {
            if (!value.isEmpty()) {
                uri.queryParam(name, value);
            }
        });
        return api.get(api.services().tasks(), uri.encode().build().toUriString(), signed.session(), signed.requestId())
                .doOnNext(body -> model.addAttribute("deadLetters", ViewData.listIn(body)))
                .onErrorResume(ServiceAnswered.class, refused -> {
                    if (refused.status() == 401 || refused.status() == 403) {
                        return Mono.error(refused);
                    }
                    model.addAttribute("deadLettersError", refused.detail());
                    model.addAttribute("deadLetters", List.of());
                    return Mono.empty();
                })
                .then();
    }

    Mono<Void> replays(Pages.Signed signed, Model model) {
        return api.get(api.services().tasks(), "/api/ops/replays", signed.session(), signed.requestId())
                .doOnNext(body -> {
                    List<?> replays = ViewData.listIn(body);
                    model.addAttribute("replays", replays);
                    model.addAttribute("replaysRunning", replays.stream().anyMatch(r -> "running".equalsIgnoreCase(String.valueOf(((Map<?, ?>) r).get("status")))));
                })
                .then();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
