package org.integrationhub.sandbox.atlassian;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.integrationhub.sandbox.oauth.ConsentForm;
import org.integrationhub.sandbox.oauth.ConsentScreen;
import org.integrationhub.sandbox.oauth.ConsentScreen.Scope;
import org.integrationhub.sandbox.oauth.ConsentScreen.ScopeList;
import org.integrationhub.sandbox.oauth.ConsentScreen.Text;

/** What auth.atlassian.com's consent screen shows: the app, each scope with Atlassian's wording, whom to sign in as. */
final class AtlassianConsentScreen {

    static final String DECISION_PATH = "/atlassian/auth/authorize/decision";

    private static final String TITLE = AtlassianApp.APP_NAME + " is requesting access to your Atlassian account";
    private static final List<ConsentForm.Button> BUTTONS =
            List.of(new ConsentForm.Button("accept", "Accept"), new ConsentForm.Button("deny", "Deny"));
    private static final Map<String, String> SCOPE_TEXT = Map.ofEntries(
            Map.entry("read:jira-work", "View Jira issue data"),
            Map.entry("write:jira-work", "Create and manage issues"),
            Map.entry("read:jira-user", "View user profiles"),
            Map.entry("manage:jira-webhook", "Manage development and release information (webhooks)"),
            Map.entry("read:page:confluence", "View pages"),
            Map.entry("read:space:confluence", "View space details"),
            Map.entry("read:confluence-content.all", "Read Confluence detailed content"),
            Map.entry("read:me", "View active user profile"),
            Map.entry(AtlassianApp.OFFLINE_ACCESS, "Maintain access to data you have given it access to"));

    private AtlassianConsentScreen() {
    }

    static ConsentScreen of(AuthorizeRequest request, List<SandboxPerson> people) {
        List<Scope> scopes = AtlassianApp.scopes(request.scope()).stream().map(scope -> new Scope(scope, SCOPE_TEXT.get(scope))).toList();
        List<ConsentForm.Option> options = ConsentForm.options(people, person -> true, SandboxPerson::accountId,
                person -> person.email() == null ? person.displayName() : person.displayName() + " (" + person.email() + ")");
        ConsentForm form = new ConsentForm(DECISION_PATH, hidden(request), "Sign in as", "user", options, BUTTONS);
        return new ConsentScreen(TITLE, Text.plain(TITLE), Text.withCode("Sandbox app ", request.clientId(), " will be able to:"),
                List.of(new ScopeList(null, "scopes", scopes, null)), null, form);
    }

    private static Map<String, String> hidden(AuthorizeRequest request) {
        Map<String, String> hidden = new LinkedHashMap<>();
        hidden.put("client_id", request.clientId());
        hidden.put("redirect_uri", request.redirectUri());
        hidden.put("scope", request.scope());
        hidden.put("state", request.state());
        hidden.put("code_challenge", request.codeChallenge());
        hidden.put("code_challenge_method", request.codeChallengeMethod());
        return hidden;
    }
}
