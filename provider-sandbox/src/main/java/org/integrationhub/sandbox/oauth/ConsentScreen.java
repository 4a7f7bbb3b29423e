package org.integrationhub.sandbox.oauth;

import java.util.List;

/** What a provider's consent screen says (title, heading, scopes between an optional intro and outro) and asks (the form). */
public record ConsentScreen(String title, Text heading, Text intro, List<ScopeList> scopeLists, Text outro, ConsentForm form) {

    /** Text with at most one code part: {@code before<code>code</code>after}; {@code code} null for none. */
    public record Text(String before, String code, String after) {

        public static Text plain(String text) {
            return new Text(text, null, "");
        }

        /** A code part even when {@code code} is null (then empty). */
        public static Text withCode(String before, String code, String after) {
            return new Text(before, code == null ? "" : code, after);
        }
    }

    /** One list of scopes, under an optional {@code <h2>}; {@code empty} (optional) is the line shown for no scope. */
    public record ScopeList(String heading, String id, List<Scope> scopes, String empty) {
    }

    /** A scope and, optionally, what it allows. */
    public record Scope(String name, String description) {

        /** Scopes without descriptions, from a comma-separated list ({@code ""}: none). */
        public static List<Scope> named(String commaSeparated) {
            return commaSeparated.isEmpty() ? List.of()
                    : List.of(commaSeparated.split(",")).stream().map(name -> new Scope(name, null)).toList();
        }
    }
}
