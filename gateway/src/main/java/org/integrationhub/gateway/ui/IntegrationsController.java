package org.integrationhub.gateway.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The Integrations page: the organisation's connections (status, last error, last sync), connect
 * Jira with site URL, email and API token, test a connection, sync now with live progress (htmx
 * polls the newest run until it has finished) and the sync-run history.
 */
@Controller
class IntegrationsController {

    private static final Set<String> FINISHED = Set.of("succeeded", "failed");

    private final HubApi api;
    private final Pages pages;

    IntegrationsController(HubApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GetMapping("/ui/integrations")
    Mono<String> list(ServerWebExchange exchange, Model model) {
        if (exchange.getRequest().getQueryParams().containsKey("connected")) {
            model.addAttribute("notice", "Connected. Test it, or sync now to bring in its issues.");
        }
        if (exchange.getRequest().getQueryParams().containsKey("disconnected")) {
            model.addAttribute("notice", "Disconnected.");
        }
        oauthOutcome(exchange.getRequest().getQueryParams(), model);
        model.addAttribute("webhookBase", webhookBase(exchange));
        return pages.signedIn(exchange, signed -> connections(signed, model).thenReturn("integrations"));
    }

    /** {@code http(s)://<the address the browser used>/webhooks/}: where providers deliver, through this gateway. */
    static String webhookBase(ServerWebExchange exchange) {
        return UriComponentsBuilder.fromUri(exchange.getRequest().getURI()).replacePath("/webhooks/").replaceQuery(null).build().toUriString();
    }

    /**
     * Where connector-service's OAuth callback sends the browser back:
     * {@code ?provider=github&status=connected&connectionId=…} or {@code ?provider=…&status=error&error=access_denied}.
     */
    static void oauthOutcome(org.springframework.util.MultiValueMap<String, String> query, Model model) {
        String given = query.getFirst("provider");
        String provider = given == null ? "The provider" : PROVIDER_NAMES.getOrDefault(given, "The provider");
        if ("connected".equals(query.getFirst("status"))) {
            model.addAttribute("notice", provider + " is connected. Test it, or sync now to bring in its items.");
        } else if ("error".equals(query.getFirst("status"))) {
            model.addAttribute("oauthError", switch (String.valueOf(query.getFirst("error"))) {
                case "access_denied" -> "Nothing was connected: the consent at " + provider + " was declined.";
                case "invalid_state" -> "Nothing was connected: that connection attempt had expired or was already used. Start again.";
                default -> "Nothing was connected: " + provider + " did not complete the connection. Try again in a moment.";
            });
        }
    }

    static final java.util.Map<String, String> PROVIDER_NAMES = java.util.Map.of(
            "jira", "Jira", "confluence", "Confluence", "github", "GitHub", "slack", "Slack");

    @PostMapping("/ui/integrations/{id}/primary")
    Mono<String> makePrimary(@PathVariable UUID id, ServerWebExchange exchange) {
        return pages.signedIn(exchange, signed -> api.post(api.services().connector(), "/api/integrations/" + id + "/primary", Map.of(),
                signed.session(), signed.requestId()).thenReturn("redirect:/ui/integrations"));
    }

    /** Asks before disconnecting: a page naming the connection, with the button that does it. */
    @GetMapping("/ui/integrations/{id}/disconnect")
    Mono<String> confirmDisconnect(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> api.get(api.services().connector(), "/api/integrations/" + id, signed.session(), signed.requestId())
                .map(body -> {
                    model.addAttribute("connection", body.get("data"));
                    return "disconnect";
                }));
    }

    @PostMapping("/ui/integrations/{id}/disconnect")
    Mono<String> disconnect(@PathVariable UUID id, ServerWebExchange exchange) {
        return pages.signedIn(exchange, signed -> api.delete(api.services().connector(), "/api/integrations/" + id,
                signed.session(), signed.requestId()).thenReturn("redirect:/ui/integrations?disconnected"));
    }

    /** What the page shows from connector-service: the connections, and the providers it has an OAuth app for. */
    Mono<Void> connections(Pages.Signed signed, Model model) {
        return api.get(api.services().connector(), "/api/integrations", signed.session(), signed.requestId())
                .doOnNext(body -> model.addAttribute("connections", ViewData.listIn(body)))
                .then(oauthProviders(signed, model));
    }

    /** Connect buttons only for providers with an OAuth app ({@code [{provider, name}]}); none when connector-service cannot say. */
    private Mono<Void> oauthProviders(Pages.Signed signed, Model model) {
        return api.get(api.services().connector(), "/api/oauth/providers", signed.session(), signed.requestId())
                .<List<?>>map(ViewData::listIn)
                .onErrorResume(ServiceAnswered.class, refused -> refused.status() == 401 ? Mono.error(refused) : Mono.just(List.of()))
                .doOnNext(providers -> model.addAttribute("oauthProviders", providers))
                .then();
    }

    @PostMapping("/ui/integrations")
    Mono<String> connectJira(ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> exchange.getFormData().flatMap(form -> {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("type", "jira");
            request.put("auth", "api_token");
            request.put("baseUrl", SignInController.value(form, "baseUrl"));
            request.put("email", SignInController.value(form, "email"));
            request.put("apiToken", SignInController.raw(form, "apiToken"));
            String displayName = SignInController.value(form, "displayName");
            if (!displayName.isEmpty()) {
                request.put("displayName", displayName);
            }
            String webhookSecret = SignInController.raw(form, "webhookSecret");
            if (!webhookSecret.isEmpty()) {
                request.put("webhookSecret", webhookSecret);
            }
            return api.post(api.services().connector(), "/api/integrations", request, signed.session(), signed.requestId())
                    .thenReturn("redirect:/ui/integrations?connected")
                    .onErrorResume(ServiceAnswered.class, refused -> refused.status() == 401 ? Mono.error(refused) : connections(signed, model)
                            .then(Mono.fromSupplier(() -> {
                                exchange.getResponse().setStatusCode(HttpStatus.valueOf(refused.status()));
                                model.addAttribute("connectError", refused.detail());
                                model.addAttribute("connectErrors", refused.errors());
                                model.addAttribute("form", Map.of("baseUrl", request.get("baseUrl"), "email", request.get("email"),
                                        "displayName", displayName));
                                return "integrations";
                            })));
        }));
    }

    @PostMapping("/ui/integrations/{id}/test")
    Mono<String> test(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> api.post(api.services().connector(), "/api/integrations/" + id + "/test", Map.of(),
                        signed.session(), signed.requestId())
                .map(body -> {
                    model.addAttribute("result", body.get("data"));
                    return "fragments :: testResult";
                }));
    }

    /** A Slack connection's notification rules (issue 13): saved at connector-service, answered as a status line. */
    @PostMapping("/ui/integrations/{id}/notifications")
    Mono<String> saveNotifications(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> exchange.getFormData().flatMap(form -> {
            Map<String, Object> rules = new LinkedHashMap<>();
            rules.put("channel", SignInController.value(form, "channel"));
            rules.put("systems", form.getOrDefault("systems", List.of()));
            rules.put("projects", java.util.Arrays.stream(SignInController.value(form, "projects").split("[,\\s]+"))
                    .filter(p -> !p.isBlank()).toList());
            rules.put("changes", form.getOrDefault("changes", List.of()));
            return api.put(api.services().connector(), "/api/integrations/" + id + "/notifications", rules, signed.session(),
                            signed.requestId())
                    .map(body -> notice(model, true, "Saved: changes go to " + rules.get("channel") + "."))
                    .onErrorResume(ServiceAnswered.class, refused -> refused.status() == 401 ? Mono.error(refused)
                            : Mono.just(notice(model, false, "Not saved: " + refused.detail() + fieldErrors(refused))));
        }));
    }

    @PostMapping("/ui/integrations/{id}/notifications/test")
    Mono<String> testNotifications(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> api.post(api.services().connector(), "/api/integrations/" + id + "/notifications/test",
                        Map.of(), signed.session(), signed.requestId())
                .map(body -> {
                    Map<?, ?> data = body.get("data") instanceof Map<?, ?> map ? map : Map.of();
                    return Boolean.TRUE.equals(data.get("sent"))
                            ? notice(model, true, "Test message sent to " + data.get("channel") + ".")
                            : notice(model, false, "Slack did not take the test message: " + data.get("error") + ".");
                })
                .onErrorResume(ServiceAnswered.class, refused -> refused.status() == 401 ? Mono.error(refused)
                        : Mono.just(notice(model, false, "No test message: " + refused.detail()))));
    }

    /** " channel: must be a Slack channel…; …" from the problem's {@code errors}, or nothing. */
    static String fieldErrors(ServiceAnswered refused) {
        if (!(refused.errors() instanceof List<?> errors)) {
            return "";
        }
        return errors.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .map(e -> " " + e.get("field") + ": " + e.get("message")).collect(java.util.stream.Collectors.joining(";"));
    }

    static String notice(Model model, boolean ok, String text) {
        model.addAttribute("ok", ok);
        model.addAttribute("text", text);
        return "fragments :: notice";
    }

    @PostMapping("/ui/integrations/{id}/sync-now")
    Mono<String> syncNow(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> api.post(api.services().connector(), "/api/integrations/" + id + "/sync-now", Map.of(),
                        signed.session(), signed.requestId())
                .then(progress(id, signed, model)));
    }

    @GetMapping("/ui/integrations/{id}/progress")
    Mono<String> progress(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> progress(id, signed, model));
    }

    private Mono<String> progress(UUID id, Pages.Signed signed, Model model) {
        return runs(id, signed).map(runs -> {
            Map<?, ?> latest = runs.isEmpty() ? Map.of() : (Map<?, ?>) runs.get(0);
            model.addAttribute("connectionId", id);
            model.addAttribute("run", latest);
            model.addAttribute("finished", latest.isEmpty() || FINISHED.contains(String.valueOf(latest.get("status"))));
            return "fragments :: progress";
        });
    }

    @GetMapping("/ui/integrations/{id}/runs")
    Mono<String> history(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> api.get(api.services().connector(), "/api/integrations/" + id, signed.session(), signed.requestId())
                .doOnNext(body -> model.addAttribute("connection", body.get("data")))
                .then(runs(id, signed))
                .map(runs -> {
                    model.addAttribute("runs", runs);
                    return "runs";
                }));
    }

    private Mono<List<?>> runs(UUID id, Pages.Signed signed) {
        return api.get(api.services().connector(), "/api/integrations/" + id + "/sync-runs", signed.session(), signed.requestId())
                .map(body -> body.get("data") instanceof List<?> list ? list : List.of());
    }
}
