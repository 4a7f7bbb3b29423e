package org.integrationhub.sandbox.oauth;

import org.integrationhub.sandbox.oauth.ConsentScreen.Scope;
import org.integrationhub.sandbox.oauth.ConsentScreen.ScopeList;
import org.integrationhub.sandbox.oauth.ConsentScreen.Text;

/** The HTML of a provider's consent screen, and of the error page shown instead of a redirect; every text is escaped. */
public final class ConsentPage {

    /** An empty inline icon: without it a browser asks for /favicon.ico, which the sandbox does not serve (a console error). */
    private static final String HEAD = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>";

    private ConsentPage() {
    }

    public static String render(ConsentScreen screen) {
        StringBuilder html = new StringBuilder(4096);
        html.append(HEAD).append(escape(screen.title())).append("</title></head><body>\n<main>\n<h1>");
        text(html, screen.heading()).append("</h1>\n");
        paragraph(html, screen.intro());
        for (ScopeList list : screen.scopeLists()) {
            scopes(html, list);
        }
        paragraph(html, screen.outro());
        form(html, screen.form());
        return html.append("</main></body></html>\n").toString();
    }

    public static String error(String title, String detail) {
        return HEAD + escape(title) + "</title></head><body>\n"
                + "<main>\n<h1>" + escape(title) + "</h1>\n<p>" + escape(detail) + "</p>\n</main></body></html>\n";
    }

    private static void scopes(StringBuilder html, ScopeList list) {
        if (list.heading() != null) {
            html.append("<h2>").append(escape(list.heading())).append("</h2>\n");
        }
        html.append("<ul id=\"").append(escape(list.id())).append("\">\n");
        if (list.scopes().isEmpty() && list.empty() != null) {
            html.append("<li>").append(escape(list.empty())).append("</li>\n");
        }
        for (Scope scope : list.scopes()) {
            html.append("<li><code>").append(escape(scope.name())).append("</code>");
            if (scope.description() != null) {
                html.append(" &ndash; ").append(escape(scope.description()));
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static void form(StringBuilder html, ConsentForm form) {
        html.append("<form method=\"post\" action=\"").append(escape(form.action())).append("\">\n");
        form.hidden().forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">\n"));
        String field = escape(form.personField());
        html.append("<p><label for=\"").append(field).append("\">").append(escape(form.personLabel())).append("</label>\n")
                .append("<select id=\"").append(field).append("\" name=\"").append(field).append("\">\n");
        for (ConsentForm.Option option : form.people()) {
            html.append("<option value=\"").append(escape(option.value())).append('"').append(option.selected() ? " selected" : "")
                    .append('>').append(escape(option.label())).append("</option>\n");
        }
        html.append("</select></p>\n<p>");
        String separator = "";
        for (ConsentForm.Button button : form.buttons()) {
            html.append(separator).append("<button type=\"submit\" name=\"decision\" value=\"").append(escape(button.value()))
                    .append("\">").append(escape(button.label())).append("</button>");
            separator = "\n";
        }
        html.append("</p>\n</form>\n");
    }

    private static void paragraph(StringBuilder html, Text text) {
        if (text != null) {
            text(html.append("<p>"), text).append("</p>\n");
        }
    }

    private static StringBuilder text(StringBuilder html, Text text) {
        html.append(escape(text.before()));
        if (text.code() != null) {
            html.append("<code>").append(escape(text.code())).append("</code>");
        }
        return html.append(escape(text.after()));
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
