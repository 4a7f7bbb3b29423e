package org.integrationhub.gateway.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Invite a colleague: auth-service makes an invitation (admins only) and the page shows, once,
 * the sign-up link that carries its token; the colleague signs up into this organisation.
 */
@Controller
class TeamController {

    private final HubApi api;
    private final Pages pages;

    TeamController(HubApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GetMapping("/ui/team")
    Mono<String> team(ServerWebExchange exchange) {
        return pages.signedIn(exchange, signed -> Mono.just("team"));
    }

    @PostMapping("/ui/invitations")
    Mono<String> invite(ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> exchange.getFormData().flatMap(form -> {
            Map<String, Object> request = new LinkedHashMap<>();
            String email = SignInController.value(form, "email");
            if (!email.isEmpty()) {
                request.put("email", email);
            }
            request.put("role", "admin".equals(form.getFirst("role")) ? "admin" : "member");
            return api.post(api.services().auth(), "/api/auth/invitations", request, signed.session(), signed.requestId())
                    .map(body -> {
                        Map<?, ?> invitation = (Map<?, ?>) body.get("data");
                        model.addAttribute("invitation", invitation);
                        model.addAttribute("signUpLink", UriComponentsBuilder.fromUri(exchange.getRequest().getURI()).replacePath("/ui/signup")
                                .replaceQuery(null).queryParam("invitation", invitation.get("invitationToken")).encode().build().toUriString());
                        return "team";
                    })
                    .onErrorResume(ServiceAnswered.class, refused -> {
                        if (refused.status() == 401) {
                            return Mono.error(refused);
                        }
                        exchange.getResponse().setStatusCode(HttpStatus.valueOf(refused.status()));
                        model.addAttribute("error", refused.status() == 403
                                ? "Only an administrator of your organisation can invite colleagues." : refused.detail());
                        return Mono.just("team");
                    });
        }));
    }
}
