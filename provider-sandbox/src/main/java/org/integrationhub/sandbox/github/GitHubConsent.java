package org.integrationhub.sandbox.github;

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

/** GitHub's part of the authorize step: S256-only PKCE, the login hint, the "Authorize application" screen, the code. */
final class GitHubConsent implements ConsentSteps {

    private static final List<String> CARRIED =
            List.of("client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method");
    private static final List<ConsentForm.Button> BUTTONS =
            List.of(new ConsentForm.Button("authorize", "Authorize"), new ConsentForm.Button("cancel", "Cancel"));

    private final GitHubApp app;
    private final OAuthServer oauth;

    GitHubConsent(GitHubApp app, OAuthServer oauth) {
        this.app = app;
        this.oauth = oauth;
    }

    @Override
    public Optional<Map<String, String>> invalid(Map<String, String> request) {
        return AuthorizeFlow.unsupportedChallengeMethod(request)
                ? Optional.of(Map.of("error", "invalid_request", "error_description", "code_challenge_method must be S256"))
                : Optional.empty();
    }

    @Override
    public String hint(Map<String, String> request) {
        return AuthorizeFlow.blankToNull(request.getOrDefault("sandbox_user", request.get("login")));
    }

    @Override
    public ConsentScreen screen(Map<String, String> request, String hint) {
        List<ConsentForm.Option> people = ConsentForm.options(app.people(),
                person -> hint == null || person.githubLogin().equalsIgnoreCase(hint), SandboxPerson::githubLogin,
                person -> person.githubLogin() + " (" + person.displayName() + ")");
        ConsentForm form = new ConsentForm(GitHubAuthorizeController.DECISION_PATH, ConsentForm.carry(request, CARRIED),
                "Signed in as", "login", people, BUTTONS);
        List<Scope> scopes = Scope.named(AuthorizeFlow.normalizeScope(request.get("scope")));
        return new ConsentScreen("Authorize application", Text.withCode("Authorize ", request.get("client_id"), ""),
                Text.plain("This sandbox OAuth app wants to access your GitHub account with these scopes:"),
                List.of(new ScopeList(null, "scopes", scopes, "(no scope: public information only)")),
                Text.withCode("You will be redirected to ", request.get("redirect_uri"), ""), form);
    }

    @Override
    public String issueCode(Map<String, String> request, SandboxPerson person) {
        String challenge = AuthorizeFlow.blankToNull(request.get("code_challenge"));
        return oauth.issueCode(Provider.GITHUB, request.get("client_id"), request.get("redirect_uri"),
                AuthorizeFlow.normalizeScope(request.get("scope")), challenge, challenge == null ? null : "S256", person.githubLogin());
    }
}
