package org.integrationhub.gateway.ui;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A connection's settings on the Integrations page: name, projects or repositories, JQL, polling and
 * enabled (connector-service's PATCH), a new API token, and a new webhook secret the person chose
 * (typed or generated in the browser, never answered back) through the same PATCH (ADR 0019).
 */
@Controller
class ConnectionSettingsController {

    /** connector-service's rule for a webhook secret: a long random value. */
    private static final int WEBHOOK_SECRET_MIN = 24;
    private static final int WEBHOOK_SECRET_MAX = 256;

    private final HubApi api;
    private final Pages pages;

    ConnectionSettingsController(HubApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    @PostMapping("/ui/integrations/{id}/settings")
    Mono<String> save(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> exchange.getFormData().flatMap(form -> patch(id, settings(form), signed, model,
                "Settings saved.")));
    }

    @PostMapping("/ui/integrations/{id}/api-token")
    Mono<String> replaceApiToken(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> exchange.getFormData().flatMap(form -> {
            String token = SignInController.raw(form, "apiToken");
            if (token.isBlank()) {
                return Mono.just(IntegrationsController.notice(model, false, "Not saved: enter the new API token."));
            }
            return patch(id, Map.of("apiToken", token), signed, model, "New API token saved. Test the connection to check it.");
        }));
    }

    /**
     * A new webhook secret the person chose (typed, or made by the page's Generate button in the browser): sent to
     * connector-service's PATCH and never shown back — the person types the same value into the provider.
     */
    @PostMapping("/ui/integrations/{id}/webhook-secret")
    Mono<String> replaceWebhookSecret(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> exchange.getFormData().flatMap(form -> {
            String secret = SignInController.raw(form, "webhookSecret");
            if (secret.length() < WEBHOOK_SECRET_MIN || secret.length() > WEBHOOK_SECRET_MAX) {
                return Mono.just(IntegrationsController.notice(model, false, "Not saved: the webhook secret must be "
                        + WEBHOOK_SECRET_MIN + " to " + WEBHOOK_SECRET_MAX + " characters long (it has " + secret.length()
                        + "). Use Generate for a random one, or type a long random value."));
            }
            return patch(id, Map.of("webhookSecret", secret), signed, model, "New webhook secret saved. Enter the same secret in the "
                    + "provider's webhook settings now: until then its deliveries are refused (their signature no longer matches).");
        }));
    }

    private Mono<String> patch(UUID id, Map<String, Object> changes, Pages.Signed signed, Model model, String saved) {
        return api.patch(api.services().connector(), "/api/integrations/" + id, changes, signed.session(), signed.requestId())
                .map(body -> IntegrationsController.notice(model, true, saved))
                .onErrorResume(ServiceAnswered.class, refused -> refused.status() == 401 ? Mono.error(refused)
                        : Mono.just(IntegrationsController.notice(model, false, "Not saved: " + refused.detail()
                                + IntegrationsController.fieldErrors(refused))));
    }

    /**
     * The settings form as connector-service's PATCH: checkboxes are absent when unticked, so the form carries a
     * hidden {@code settings} marker and every field is sent; fields the connection's type does not show are left out.
     */
    static Map<String, Object> settings(MultiValueMap<String, String> form) {
        Map<String, Object> changes = new LinkedHashMap<>();
        String displayName = SignInController.value(form, "displayName");
        if (!displayName.isEmpty()) {
            changes.put("displayName", displayName);
        }
        if (form.containsKey("projectKeys")) {
            changes.put("projectKeys", Arrays.stream(SignInController.value(form, "projectKeys").split("[,\\s]+"))
                    .filter(key -> !key.isBlank()).toList());
        }
        if (form.containsKey("jqlFilter")) {
            changes.put("jqlFilter", SignInController.value(form, "jqlFilter"));
        }
        changes.put("pollingEnabled", form.containsKey("pollingEnabled"));
        changes.put("enabled", form.containsKey("enabled"));
        return changes;
    }
}
