package org.integrationhub.sandbox.atlassian;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.integrationhub.sandbox.oauth.AuthorizeResponses;
import org.integrationhub.sandbox.oauth.ConsentPage;
import org.integrationhub.sandbox.oauth.OAuthServer;
import org.integrationhub.sandbox.oauth.Provider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * auth.atlassian.com's authorize step: checks the client and the exact redirect URI (an unknown
 * one gets an HTML error page, never a redirect), then the other parameters (errors go back to
 * the redirect URI with the state), then shows the consent page; the consent form's decision
 * issues a code bound to client, redirect URI, scopes, the chosen person and the PKCE challenge.
 * Scripts skip the page with {@code sandbox_auto_approve=true} (and {@code sandbox_user=<accountId>},
 * default the first person).
 */
@Component
class ConsentFlow {

    private final AtlassianApp app;
    private final OAuthServer oauth;

    ConsentFlow(AtlassianApp app, OAuthServer oauth) {
        this.app = app;
        this.oauth = oauth;
    }

    ResponseEntity<String> authorize(Map<String, String> params) {
        AuthorizeRequest request = AuthorizeRequest.of(params);
        Optional<ResponseEntity<String>> refused = refuseWithoutRedirect(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!AtlassianApp.AUDIENCE.equals(request.audience())) {
            return redirectError(request, "invalid_request", "audience must be " + AtlassianApp.AUDIENCE);
        }
        if (!"code".equals(request.responseType())) {
            return redirectError(request, "invalid_request", "response_type must be code");
        }
        if (request.scope() == null) {
            return redirectError(request, "invalid_scope", "scope is required");
        }
        if (!request.challengeMethodAcceptable()) {
            return redirectError(request, "invalid_request", "code_challenge_method must be S256 or plain, with a code_challenge");
        }
        if ("true".equalsIgnoreCase(params.get("sandbox_auto_approve"))) {
            String accountId = AuthorizeRequest.blankToNull(params.get("sandbox_user"));
            Optional<SandboxPerson> person = accountId == null ? Optional.of(app.people().get(0)) : app.person(accountId);
            if (person.isEmpty()) {
                return errorPage("Unknown user", "sandbox_user " + accountId + " is not a sandbox person.");
            }
            return approve(request, person.get());
        }
        return AuthorizeResponses.page(HttpStatus.OK, ConsentPage.render(AtlassianConsentScreen.of(request, app.people())));
    }

    ResponseEntity<String> decide(Map<String, String> form) {
        AuthorizeRequest request = AuthorizeRequest.of(form);
        Optional<ResponseEntity<String>> refused = refuseWithoutRedirect(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!"accept".equalsIgnoreCase(form.get("decision"))) {
            return redirectError(request, "access_denied", "The user denied access");
        }
        if (request.scope() == null || !request.challengeMethodAcceptable()) {
            return redirectError(request, "invalid_request", "The consent form was incomplete");
        }
        String accountId = AuthorizeRequest.blankToNull(form.get("user"));
        Optional<SandboxPerson> person = accountId == null ? Optional.of(app.people().get(0)) : app.person(accountId);
        if (person.isEmpty()) {
            return errorPage("Unknown user", "The selected user does not exist in the sandbox.");
        }
        return approve(request, person.get());
    }

    private Optional<ResponseEntity<String>> refuseWithoutRedirect(AuthorizeRequest request) {
        if (!app.knowsClient(request.clientId())) {
            return Optional.of(errorPage("Something went wrong", "Invalid client_id: the app is not registered."));
        }
        if (!app.registeredRedirect(request.redirectUri())) {
            return Optional.of(errorPage("Something went wrong",
                    "The redirect_uri is not one of the callback URLs registered for this app."));
        }
        return Optional.empty();
    }

    private ResponseEntity<String> approve(AuthorizeRequest request, SandboxPerson person) {
        String code = oauth.issueCode(Provider.ATLASSIAN, request.clientId(), request.redirectUri(), request.scope(),
                request.codeChallenge(), request.effectiveChallengeMethod(), person.accountId());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("state", request.state());
        return AuthorizeResponses.redirect(request.redirectUri(), params);
    }

    private static ResponseEntity<String> redirectError(AuthorizeRequest request, String error, String description) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", request.state());
        return AuthorizeResponses.redirect(request.redirectUri(), params);
    }

    private static ResponseEntity<String> errorPage(String title, String detail) {
        return AuthorizeResponses.page(HttpStatus.BAD_REQUEST, ConsentPage.error(title, detail));
    }
}
