package org.integrationhub.gateway.ui;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The "Connect with OAuth" buttons: the gateway starts the authorisation at connector-service with
 * the session's token (so the state is bound to this person and organisation) and sends the browser
 * to the provider's consent page. The provider returns it to connector-service's callback, which
 * sends it back to {@code /ui/integrations} with the outcome.
 */
@Controller
class OAuthConnectController {

    private final HubApi api;
    private final Pages pages;
    private final IntegrationsController integrations;

    OAuthConnectController(HubApi api, Pages pages, IntegrationsController integrations) {
        this.api = api;
        this.pages = pages;
        this.integrations = integrations;
    }

    @PostMapping("/ui/integrations/connect/{provider}")
    Mono<String> connect(@PathVariable String provider, ServerWebExchange exchange, Model model) {
        String name = IntegrationsController.PROVIDER_NAMES.get(provider);
        return pages.signedIn(exchange, signed -> name == null ? refuse(exchange, model, signed, HttpStatus.NOT_FOUND, "There is no provider called that.")
                : api.post(api.services().connector(), "/api/integrations/" + provider + "/authorize", Map.of(), signed.session(), signed.requestId())
                        .map(body -> "redirect:" + ((Map<?, ?>) body.get("data")).get("authorizationUrl"))
                        .onErrorResume(ServiceAnswered.class, refused -> refused.status() == 401 ? Mono.error(refused)
                                : refuse(exchange, model, signed, HttpStatus.valueOf(refused.status()), refused.status() == 404
                                        ? name + " is not set up on this hub (no OAuth app is configured for it)."
                                        : "Could not start connecting " + name + ": " + refused.detail())));
    }

    private Mono<String> refuse(ServerWebExchange exchange, Model model, Pages.Signed signed, HttpStatus status, String error) {
        return integrations.connections(signed, model).then(Mono.fromSupplier(() -> {
            exchange.getResponse().setStatusCode(status);
            model.addAttribute("webhookBase", IntegrationsController.webhookBase(exchange));
            model.addAttribute("oauthError", error);
            return "integrations";
        }));
    }
}
