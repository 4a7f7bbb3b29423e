package org.integrationhub.sandbox.slack;

import java.util.List;
import java.util.Map;
import org.integrationhub.sandbox.data.SandboxPerson;

/** The HTML of Slack's "requesting permission to access the workspace" screen, and of its error page. */
final class SlackConsentPage {

    static final String DECISION_PATH = "/slack/oauth/v2/authorize/decision";

    private SlackConsentPage() {
    }

    static String consent(Map<String, String> request, String teamName, List<SandboxPerson> people, String preselected) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Slack app requesting permission</title>")
                .append("</head><body>\n<main>\n<h1>Sandbox app <code>").append(escape(request.get("client_id")))
                .append("</code> is requesting permission to access the ").append(escape(teamName)).append(" Slack workspace</h1>\n");
        scopes(html, "bot-scopes", "What the app's bot will be able to do", SlackApp.normalizeScope(request.get("scope")));
        scopes(html, "user-scopes", "What the app will be able to do on your behalf", SlackApp.normalizeScope(request.get("user_scope")));
        html.append("<form method=\"post\" action=\"").append(DECISION_PATH).append("\">\n");
        for (String name : List.of("client_id", "redirect_uri", "scope", "user_scope", "state", "code_challenge",
                "code_challenge_method")) {
            html.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(request.get(name)))
                    .append("\">\n");
        }
        html.append("<p><label for=\"user\">Signed in as</label>\n<select id=\"user\" name=\"user\">\n");
        boolean anySelected = false;
        for (SandboxPerson person : people) {
            boolean selected = !anySelected && (preselected == null || person.slackUserId().equals(preselected));
            anySelected |= selected;
            html.append("<option value=\"").append(escape(person.slackUserId())).append('"').append(selected ? " selected" : "")
                    .append('>').append(escape(person.displayName())).append(" (").append(escape(person.slackUserId()))
                    .append(")</option>\n");
        }
        html.append("</select></p>\n")
                .append("<p><button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"cancel\">Cancel</button></p>\n")
                .append("</form>\n</main></body></html>\n");
        return html.toString();
    }

    private static void scopes(StringBuilder html, String id, String title, String scopes) {
        if (scopes.isEmpty()) {
            return;
        }
        html.append("<h2>").append(escape(title)).append("</h2>\n<ul id=\"").append(id).append("\">\n");
        for (String scope : scopes.split(",")) {
            html.append("<li><code>").append(escape(scope)).append("</code></li>\n");
        }
        html.append("</ul>\n");
    }

    static String error(String title, String detail) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head><body>\n"
                + "<main>\n<h1>" + escape(title) + "</h1>\n<p>" + escape(detail) + "</p>\n</main></body></html>\n";
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
