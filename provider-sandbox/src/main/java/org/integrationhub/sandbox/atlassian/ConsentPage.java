package org.integrationhub.sandbox.atlassian;

import java.util.List;
import java.util.Map;
import org.integrationhub.sandbox.data.SandboxPerson;

/** The HTML of the consent screen and of the error page shown instead of redirecting to an unknown URI. */
final class ConsentPage {

    static final String DECISION_PATH = "/atlassian/auth/authorize/decision";

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

    private ConsentPage() {
    }

    static String consent(AuthorizeRequest request, List<SandboxPerson> people) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(AtlassianApp.APP_NAME)).append(" is requesting access to your Atlassian account</title></head><body>\n")
                .append("<main>\n<h1>").append(escape(AtlassianApp.APP_NAME))
                .append(" is requesting access to your Atlassian account</h1>\n")
                .append("<p>Sandbox app <code>").append(escape(request.clientId())).append("</code> will be able to:</p>\n<ul id=\"scopes\">\n");
        for (String scope : AtlassianApp.scopes(request.scope())) {
            html.append("<li><code>").append(escape(scope)).append("</code>");
            String text = SCOPE_TEXT.get(scope);
            if (text != null) {
                html.append(" &ndash; ").append(escape(text));
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n<form method=\"post\" action=\"").append(DECISION_PATH).append("\">\n");
        hidden(html, "client_id", request.clientId());
        hidden(html, "redirect_uri", request.redirectUri());
        hidden(html, "scope", request.scope());
        hidden(html, "state", request.state());
        hidden(html, "code_challenge", request.codeChallenge());
        hidden(html, "code_challenge_method", request.codeChallengeMethod());
        html.append("<p><label for=\"user\">Sign in as</label>\n<select id=\"user\" name=\"user\">\n");
        boolean first = true;
        for (SandboxPerson person : people) {
            html.append("<option value=\"").append(escape(person.accountId())).append('"').append(first ? " selected" : "").append('>')
                    .append(escape(person.displayName()));
            if (person.email() != null) {
                html.append(" (").append(escape(person.email())).append(')');
            }
            html.append("</option>\n");
            first = false;
        }
        html.append("</select></p>\n")
                .append("<p><button type=\"submit\" name=\"decision\" value=\"accept\">Accept</button>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></p>\n")
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
