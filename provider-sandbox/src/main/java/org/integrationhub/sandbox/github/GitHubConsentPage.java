package org.integrationhub.sandbox.github;

import java.util.List;
import java.util.Map;
import org.integrationhub.sandbox.data.SandboxPerson;

/** The HTML of github.com's "Authorize application" screen, and of the error page shown instead of a redirect. */
final class GitHubConsentPage {

    static final String DECISION_PATH = "/github/web/login/oauth/authorize/decision";

    private GitHubConsentPage() {
    }

    static String consent(Map<String, String> request, List<SandboxPerson> people, String preselectedLogin) {
        StringBuilder html = new StringBuilder(4096);
        String clientId = request.get("client_id");
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Authorize application</title></head><body>\n")
                .append("<main>\n<h1>Authorize <code>").append(escape(clientId)).append("</code></h1>\n")
                .append("<p>This sandbox OAuth app wants to access your GitHub account with these scopes:</p>\n<ul id=\"scopes\">\n");
        String scope = GitHubApp.normalizeScope(request.get("scope"));
        if (scope.isEmpty()) {
            html.append("<li>(no scope: public information only)</li>\n");
        } else {
            for (String one : scope.split(",")) {
                html.append("<li><code>").append(escape(one)).append("</code></li>\n");
            }
        }
        html.append("</ul>\n<p>You will be redirected to <code>").append(escape(request.get("redirect_uri"))).append("</code></p>\n")
                .append("<form method=\"post\" action=\"").append(DECISION_PATH).append("\">\n");
        for (String name : List.of("client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method")) {
            hidden(html, name, request.get(name));
        }
        html.append("<p><label for=\"login\">Signed in as</label>\n<select id=\"login\" name=\"login\">\n");
        boolean anySelected = false;
        for (SandboxPerson person : people) {
            boolean selected = !anySelected && (preselectedLogin == null || person.githubLogin().equalsIgnoreCase(preselectedLogin));
            anySelected |= selected;
            html.append("<option value=\"").append(escape(person.githubLogin())).append('"').append(selected ? " selected" : "").append('>')
                    .append(escape(person.githubLogin())).append(" (").append(escape(person.displayName())).append(")</option>\n");
        }
        html.append("</select></p>\n")
                .append("<p><button type=\"submit\" name=\"decision\" value=\"authorize\">Authorize</button>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"cancel\">Cancel</button></p>\n")
                .append("</form>\n</main></body></html>\n");
        return html.toString();
    }

    static String error(String title, String detail) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head><body>\n"
                + "<main>\n<h1>" + escape(title) + "</h1>\n<p>" + escape(detail) + "</p>\n</main></body></html>\n";
    }

    private static void hidden(StringBuilder html, String name, String value) {
        html.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(value == null ? "" : value))
                .append("\">\n");
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
