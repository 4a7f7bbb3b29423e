package org.integrationhub.sandbox.atlassian;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Parses the JQL the sandbox supports: {@code project = X}, {@code project in (X, Y)},
 * {@code updated >= "yyyy-MM-dd HH:mm"} (also {@code >}, {@code <=}, {@code <}; {@code yyyy/MM/dd},
 * date-only and relative {@code -15m}/{@code -2h}/{@code -1d}/{@code -1w} values), joined with AND,
 * then an optional {@code ORDER BY updated [ASC|DESC]} (optionally {@code , key} or {@code , id} in the
 * same direction). Keywords and field names ignore case. Date literals have minute precision and
 * are read in the searching user's time zone, as Jira does: every sandbox user's is
 * {@link JiraIssueJson#TIME_ZONE} (what {@code /myself} shows). Anything
 * else is a 400 "Error in the JQL Query: ...".
 */
@Component
class JqlParser {

    static final String UNSUPPORTED = "not supported by the sandbox";
    private static final ZoneId USER_ZONE = ZoneId.of(JiraIssueJson.TIME_ZONE);

    private static final Pattern RELATIVE = Pattern.compile("([-+]?)(\\d+)([wdhm])");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"),
            DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm"));
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-MM-dd"),
            DateTimeFormatter.ofPattern("uuuu/MM/dd"));

    private final AtlassianApp app;
    private final Clock clock;

    JqlParser(AtlassianApp app, Clock clock) {
        this.app = app;
        this.clock = clock;
    }

    private record Token(String text, boolean quoted) {

        boolean is(String word) {
            return !quoted && text.equalsIgnoreCase(word);
        }
    }

    Jql parse(String jql) {
        String text = jql == null ? "" : jql.trim().replaceAll("\\s+", " ");
        List<Token> tokens = tokenize(text);
        Cursor cursor = new Cursor(tokens);
        Set<String> projects = null;
        Instant from = null;
        Instant before = null;
        boolean descending = false;
        if (!cursor.atEnd() && !cursor.peek().is("ORDER")) {
            while (true) {
                Token field = cursor.next("a field name");
                if (field.is("project")) {
                    Set<String> clause = projectClause(cursor);
                    if (projects != null) {
                        clause.retainAll(projects);
                    }
                    projects = clause;
                } else if (field.is("updated") || field.is("updatedDate")) {
                    Token operator = cursor.next("an operator");
                    Instant value = date(cursor.next("a date"));
                    switch (operator.text()) {
                        case ">=" -> from = later(from, value);
                        case ">" -> from = later(from, value.plusMillis(1));
                        case "<=" -> before = earlier(before, value.plusMillis(1));
                        case "<" -> before = earlier(before, value);
                        default -> throw error("the operator '" + operator.text() + "' with 'updated' is " + UNSUPPORTED
                                + " (use >=, >, <= or <).");
                    }
                } else {
                    throw error("the field '" + field.text() + "' is " + UNSUPPORTED + " (only project and updated).");
                }
                if (cursor.atEnd() || cursor.peek().is("ORDER")) {
                    break;
                }
                Token joiner = cursor.next("AND");
                if (joiner.is("OR")) {
                    throw error("'OR' is " + UNSUPPORTED + " (join clauses with AND).");
                }
                if (!joiner.is("AND")) {
                    throw error("expecting AND or ORDER BY but got '" + joiner.text() + "'.");
                }
            }
        }
        if (!cursor.atEnd()) {
            cursor.next("ORDER");
            if (!cursor.next("BY").is("BY")) {
                throw error("expecting 'BY' after 'ORDER'.");
            }
            Token sortField = cursor.next("a field to order by");
            if (!sortField.is("updated") && !sortField.is("updatedDate")) {
                throw error("ordering by '" + sortField.text() + "' is " + UNSUPPORTED + " (only by updated).");
            }
            descending = direction(cursor);
            if (!cursor.atEnd() && cursor.peek().is(",")) {
                cursor.next(",");
                Token tieBreak = cursor.next("a field to order by");
                if (!tieBreak.is("key") && !tieBreak.is("id") || direction(cursor) != descending) {
                    throw error("a second sort key other than key or id in the same direction is " + UNSUPPORTED + ".");
                }
            }
        }
        if (!cursor.atEnd()) {
            throw error("unexpected '" + cursor.peek().text() + "' at the end of the query.");
        }
        return new Jql(text, projects, from, before, descending);
    }

    private Set<String> projectClause(Cursor cursor) {
        Token operator = cursor.next("an operator");
        Set<String> keys = new LinkedHashSet<>();
        if (operator.is("=")) {
            keys.add(project(cursor.next("a project")));
        } else if (operator.is("in")) {
            if (!cursor.next("(").is("(")) {
                throw error("expecting '(' after 'in'.");
            }
            do {
                keys.add(project(cursor.next("a project")));
            } while (cursor.nextIs(","));
            if (!cursor.next(")").is(")")) {
                throw error("expecting ')' to close the list of projects.");
            }
        } else {
            throw error("the operator '" + operator.text() + "' with 'project' is " + UNSUPPORTED + " (use = or in).");
        }
        return keys;
    }

    private String project(Token value) {
        if (!value.quoted() && List.of("(", ")", ",").contains(value.text())) {
            throw error("expecting a project but got '" + value.text() + "'.");
        }
        List<String> projects = app.projects();
        for (int i = 0; i < projects.size(); i++) {
            if (projects.get(i).equalsIgnoreCase(value.text()) || String.valueOf(10_000 + i).equals(value.text())) {
                return projects.get(i);
            }
        }
        throw AtlassianException.jira(HttpStatus.BAD_REQUEST, "The value '" + value.text() + "' does not exist for the field 'project'.");
    }

    private static boolean direction(Cursor cursor) {
        if (!cursor.atEnd() && (cursor.peek().is("ASC") || cursor.peek().is("DESC"))) {
            return cursor.next("ASC").is("DESC");
        }
        return false;
    }

    private Instant date(Token value) {
        String text = value.text().trim();
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(2)) * ("-".equals(relative.group(1)) ? -1 : 1);
            Duration unit = switch (relative.group(3)) {
                case "w" -> Duration.ofDays(7);
                case "d" -> Duration.ofDays(1);
                case "h" -> Duration.ofHours(1);
                default -> Duration.ofMinutes(1);
            };
            return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plus(unit.multipliedBy(amount));
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(text, format).atZone(USER_ZONE).toInstant();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format).atStartOfDay(USER_ZONE).toInstant();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        throw error("Date value '" + text + "' for field 'updated' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', "
                + "'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '-4w'.");
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c) {
                    if (text.charAt(j) == '\\' && j + 1 < text.length()) {
                        j++;
                    }
                    value.append(text.charAt(j));
                    j++;
                }
                if (j >= text.length()) {
                    throw error("the quoted string starting at character " + (i + 1) + " is not closed.");
                }
                tokens.add(new Token(value.toString(), true));
                i = j + 1;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(new Token(String.valueOf(c), false));
                i++;
            } else if ("<>=!~".indexOf(c) >= 0) {
                int j = i + 1;
                while (j < text.length() && "<>=!~".indexOf(text.charAt(j)) >= 0) {
                    j++;
                }
                tokens.add(new Token(text.substring(i, j), false));
                i = j;
            } else {
                int j = i;
                while (j < text.length() && !Character.isWhitespace(text.charAt(j)) && "()<>=!~,\"'".indexOf(text.charAt(j)) < 0) {
                    j++;
                }
                tokens.add(new Token(text.substring(i, j), false));
                i = j;
            }
        }
        return tokens;
    }

    private static final class Cursor {
        private final List<Token> tokens;
        private int position;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean atEnd() {
            return position >= tokens.size();
        }

        Token peek() {
            return tokens.get(position);
        }

        Token next(String expected) {
            if (atEnd()) {
                throw error("expecting " + expected + " but the query ended.");
            }
            return tokens.get(position++);
        }

        boolean nextIs(String word) {
            if (!atEnd() && peek().is(word)) {
                position++;
                return true;
            }
            return false;
        }
    }

    static AtlassianException error(String detail) {
        return AtlassianException.jira(HttpStatus.BAD_REQUEST, "Error in the JQL Query: " + detail.substring(0, 1).toUpperCase(Locale.ROOT)
                + detail.substring(1));
    }
}
