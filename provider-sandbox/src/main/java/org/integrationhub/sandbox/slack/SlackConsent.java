package org.integrationhub.sandbox.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.integrationhub.sandbox.oauth.AuthorizeFlow;
import org.integrationhub.sandbox.oauth.ConsentForm;
import org.integrationhub.sandbox.oauth.ConsentScreen;
import org.integrationhub.sandbox.oauth.ConsentScreen.Scope;
import org.integrationhub.sandbox.oauth.ConsentScreen.ScopeList;
import org.integrationhub.sandbox.oauth.ConsentScreen.Text;
import org.integrationhub.sandbox.oauth.ConsentSteps;
import org.integrationhub.sandbox.oauth.OAuthServer;
import org.integrationhub.sandbox.oauth.Provider;

/**
 * Slack's part of the authorize step: bot or user scopes required, S256-only PKCE, the "requesting
 * permission" screen, and a bot code (remembering the user scopes asked along) or a user code.
 */
final class SlackConsent implements ConsentSteps {

    private static final List<String> CARRIED =
            List.of("client_id", "redirect_uri", "scope", "user_scope", "state", "code_challenge", "code_challenge_method");
    private static final List<ConsentForm.Button> BUTTONS =
            List.of(new ConsentForm.Button("allow", "Allow"), new ConsentForm.Button("cancel", "Cancel"));

    private final SlackApp app;
    private final OAuthServer oauth;
    private final SlackInstalls installs;

    SlackConsent(SlackApp app, OAuthServer oauth, SlackInstalls installs) {
        this.app = app;
        this.oauth = oauth;
        this.installs = installs;
    }

    @Override
    public Optional<Map<String, String>> invalid(Map<String, String> request) {
        if (AuthorizeFlow.normalizeScope(request.get("scope")).isEmpty()
                && AuthorizeFlow.normalizeScope(request.get("user_scope")).isEmpty()) {
            return Optional.of(Map.of("error", "invalid_scope"));
        }
        return AuthorizeFlow.unsupportedChallengeMethod(request)
                ? Optional.of(Map.of("error", "invalid_code_challenge_method")) : Optional.empty();
    }

    @Override
    public String hint(Map<String, String> request) {
        return AuthorizeFlow.blankToNull(request.get("sandbox_user"));
    }

    @Override
    public ConsentScreen screen(Map<String, String> request, String hint) {
        List<ScopeList> scopes = new ArrayList<>(2);
        addScopes(scopes, "What the app's bot will be able to do", "bot-scopes", request.get("scope"));
        addScopes(scopes, "What the app will be able to do on your behalf", "user-scopes", request.get("user_scope"));
        List<ConsentForm.Option> people = ConsentForm.options(app.people(),
                person -> hint == null || person.slackUserId().equals(hint), SandboxPerson::slackUserId,
                person -> person.displayName() + " (" + person.slackUserId() + ")");
        ConsentForm form = new ConsentForm(SlackAuthorizeController.DECISION_PATH, ConsentForm.carry(request, CARRIED),
                "Signed in as", "user", people, BUTTONS);
        return new ConsentScreen("Slack app requesting permission", Text.withCode("Sandbox app ", request.get("client_id"),
                " is requesting permission to access the " + app.teamName() + " Slack workspace"), null, scopes, null, form);
    }

    /** A list only when there are scopes of its kind. */
    private static void addScopes(List<ScopeList> lists, String heading, String id, String requested) {
        List<Scope> scopes = Scope.named(AuthorizeFlow.normalizeScope(requested));
        if (!scopes.isEmpty()) {
            lists.add(new ScopeList(heading, id, scopes, null));
        }
    }

    @Override
    public String issueCode(Map<String, String> request, SandboxPerson person) {
        String botScope = AuthorizeFlow.normalizeScope(request.get("scope"));
        String userScope = AuthorizeFlow.normalizeScope(request.get("user_scope"));
        String challenge = AuthorizeFlow.blankToNull(request.get("code_challenge"));
        boolean bot = !botScope.isEmpty();
        String code = oauth.issueCode(Provider.SLACK, request.get("client_id"), request.get("redirect_uri"), bot ? botScope : userScope,
                challenge, challenge == null ? null : "S256", (bot ? SlackTokens.BOT : SlackTokens.USER) + person.slackUserId());
        if (bot && !userScope.isEmpty()) {
            installs.remember(code, userScope);
        }
        return code;
    }
}
