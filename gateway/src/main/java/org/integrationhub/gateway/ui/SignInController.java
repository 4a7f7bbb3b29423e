package org.integrationhub.gateway.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import org.integrationhub.support.web.RequestIds;
import org.integrationhub.gateway.session.BrowserSession;
import org.integrationhub.gateway.session.SessionCookies;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sign up, sign in and sign out (backend-for-frontend): the gateway signs in at auth-service and
 * keeps the token in the sealed session cookie; the browser never sees it. Sign-out revokes the
 * session, so the cookie is worthless even if it was copied.
 */
@Controller
class SignInController {

    private final HubApi api;
    private final SessionCookies sessions;

    SignInController(HubApi api, SessionCookies sessions) {
        this.api = api;
        this.sessions = sessions;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/ui/overview";
    }

    @GetMapping("/ui/login")
    String signInPage(ServerWebExchange exchange, Model model) {
        var query = exchange.getRequest().getQueryParams();
        if (query.containsKey("signedOut")) {
            model.addAttribute("notice", "You are signed out.");
        } else if (query.containsKey("expired")) {
            model.addAttribute("notice", "Your session has ended. Sign in again.");
        } else if (query.containsKey("registered")) {
            model.addAttribute("notice", "Your account is ready. Sign in with it.");
        }
        return "login";
    }

    @PostMapping("/ui/login")
    Mono<String> signIn(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String email = value(form, "email");
            model.addAttribute("email", email);
            if (email.isBlank() || raw(form, "password").isEmpty()) {
                return refuse(exchange, model, HttpStatus.BAD_REQUEST, "Enter your email address and your password.");
            }
            return api.signIn(email, raw(form, "password"), RequestIds.of(exchange))
                    .map(signedIn -> {
                        BrowserSession session = sessions.start(signedIn.accessToken(), signedIn.expiresAt());
                        exchange.getResponse().addCookie(sessions.cookieFor(session));
                        return "redirect:/ui/overview";
                    })
                    .onErrorResume(ServiceAnswered.class, refused -> refused.status() == 401 || refused.status() == 400
                            ? refuse(exchange, model, HttpStatus.UNAUTHORIZED, "That email address and password do not match an account.")
                            : Mono.error(refused));
        });
    }

    private static Mono<String> refuse(ServerWebExchange exchange, Model model, HttpStatus status, String error) {
        exchange.getResponse().setStatusCode(status);
        model.addAttribute("error", error);
        return Mono.just("login");
    }

    @GetMapping("/ui/signup")
    String signUpPage(ServerWebExchange exchange, Model model) {
        String invitation = exchange.getRequest().getQueryParams().getFirst("invitation");
        if (invitation != null && !invitation.isBlank()) {
            model.addAttribute("invitation", invitation);
        }
        return "signup";
    }

    @PostMapping("/ui/signup")
    Mono<String> signUp(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> registration = new LinkedHashMap<>();
            registration.put("email", value(form, "email"));
            registration.put("password", raw(form, "password"));
            String invitation = value(form, "invitationToken");
            if (invitation.isEmpty()) {
                registration.put("organisationName", value(form, "organisationName"));
            } else {
                registration.put("invitationToken", invitation);
                model.addAttribute("invitation", invitation);
            }
            model.addAttribute("email", registration.get("email"));
            model.addAttribute("organisationName", registration.get("organisationName"));
            return api.register(registration, RequestIds.of(exchange))
                    .thenReturn("redirect:/ui/login?registered")
                    .onErrorResume(ServiceAnswered.class, refused -> {
                        exchange.getResponse().setStatusCode(HttpStatus.valueOf(refused.status()));
                        model.addAttribute("error", refused.detail());
                        model.addAttribute("errors", refused.errors());
                        return Mono.just("signup");
                    });
        });
    }

    @PostMapping("/ui/logout")
    String signOut(ServerWebExchange exchange) {
        sessions.read(exchange.getRequest()).ifPresent(sessions::signOut);
        exchange.getResponse().addCookie(sessions.cleared());
        return "redirect:/ui/login?signedOut";
    }

    /** A field as typed (passwords are never trimmed). */
    static String raw(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.trim();
    }
}
