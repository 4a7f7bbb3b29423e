package org.integrationhub.sandbox.oauth;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The authorize endpoint as GitHub and Slack run it: client and redirect URI checks (a 400 page, never a redirect),
 * auto-approval or the consent page, and the form's decision redirecting with {@code code} and {@code state}, or an error.
 */
public final class AuthorizeFlow {

    /** How a provider words the pages shown instead of a redirect; {@code %s} stands for the value at fault. */
    public record Wording(String unknownClientTitle, String unknownClientDetail, String mismatchTitle, String mismatchDetail,
            String unknownHintDetail) {
    }

    /** How the consent form answers: the approving {@code decision} value, the field naming the person, the denial's error. */
    public record Decision(String approve, String personField, Map<String, String> denial) {
    }

    private static final List<String> REDIRECT_PARAMS = List.of("code", "error", "error_description", "error_uri");

    private final RegisteredApp app;
    private final ConsentSteps steps;
    private final Wording wording;
    private final Decision decision;

    public AuthorizeFlow(RegisteredApp app, ConsentSteps steps, Wording wording, Decision decision) {
        this.app = app;
        this.steps = steps;
        this.wording = wording;
        this.decision = decision;
    }

    /** {@code GET authorize}: the consent page, or an auto-approval's redirect. */
    public ResponseEntity<String> authorize(Map<String, String> query) {
        Map<String, String> request = new HashMap<>(query);
        return refuse(request).or(() -> steps.invalid(request).map(error -> redirect(request, error))).orElseGet(() -> {
            String hint = steps.hint(request);
            if (!"true".equalsIgnoreCase(request.get("sandbox_auto_approve"))) {
                return AuthorizeResponses.page(HttpStatus.OK, ConsentPage.render(steps.screen(request, hint)));
            }
            Optional<SandboxPerson> person = hint == null ? Optional.of(app.people().get(0)) : app.person(hint);
            return person.map(chosen -> approve(request, chosen))
                    .orElseGet(() -> unknownUser(wording.unknownHintDetail().formatted(hint)));
        });
    }

    /** {@code POST} of the consent form. */
    public ResponseEntity<String> decide(Map<String, String> form) {
        Map<String, String> request = new HashMap<>(form);
        return refuse(request).orElseGet(() -> {
            if (!decision.approve().equals(request.get("decision"))) {
                return redirect(request, decision.denial());
            }
            return app.person(request.get(decision.personField())).map(person -> approve(request, person))
                    .orElseGet(() -> unknownUser("Choose one of the sandbox users."));
        });
    }

    /** A PKCE challenge whose method is named and is not S256. */
    public static boolean unsupportedChallengeMethod(Map<String, String> request) {
        String method = blankToNull(request.get("code_challenge_method"));
        return blankToNull(request.get("code_challenge")) != null && method != null && !"S256".equals(method);
    }

    /** GitHub and Slack answer scopes comma-separated; requests may separate them with commas or spaces. */
    public static String normalizeScope(String scope) {
        if (scope == null || scope.isBlank()) {
            return "";
        }
        return Arrays.stream(scope.trim().split("[,\\s]+")).filter(s -> !s.isEmpty()).distinct().collect(Collectors.joining(","));
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Checks client and redirect URI (filling in the default callback); a refusal is an HTML page, not a redirect. */
    private Optional<ResponseEntity<String>> refuse(Map<String, String> request) {
        String clientId = request.get("client_id");
        if (!app.knowsClient(clientId)) {
            return Optional.of(errorPage(wording.unknownClientTitle(), wording.unknownClientDetail().formatted(clientId)));
        }
        String redirectUri = blankToNull(request.get("redirect_uri"));
        if (redirectUri == null) {
            request.put("redirect_uri", app.defaultRedirectUri());
        } else if (!app.registered(redirectUri)) {
            return Optional.of(errorPage(wording.mismatchTitle(), wording.mismatchDetail().formatted(redirectUri)));
        }
        return Optional.empty();
    }

    private ResponseEntity<String> approve(Map<String, String> request, SandboxPerson person) {
        return redirect(request, Map.of("code", steps.issueCode(request, person)));
    }

    /** Back to the redirect URI with {@code code} or the error, then the state (when not empty). */
    private static ResponseEntity<String> redirect(Map<String, String> request, Map<String, String> params) {
        Map<String, String> ordered = new LinkedHashMap<>();
        REDIRECT_PARAMS.forEach(name -> ordered.put(name, params.get(name)));
        String state = request.get("state");
        ordered.put("state", state == null || state.isEmpty() ? null : state);
        return AuthorizeResponses.redirect(request.get("redirect_uri"), ordered);
    }

    private static ResponseEntity<String> unknownUser(String detail) {
        return errorPage("Unknown user", detail);
    }

    private static ResponseEntity<String> errorPage(String title, String detail) {
        return AuthorizeResponses.page(HttpStatus.BAD_REQUEST, ConsentPage.error(title, detail));
    }
}
