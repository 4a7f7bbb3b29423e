package org.integrationhub.sandbox.atlassian;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.springframework.http.HttpStatus;

/**
 * The opaque {@code nextPageToken} of the enhanced search: the sort key (update time, id) of the
 * last issue of the page before, bound to the query it was issued for. Resuming from a key rather
 * than an offset makes every page cost only its own issues, even at 100,000.
 */
record PageToken(Instant updated, long id, String queryHash) {

    String encode() {
        String raw = "v1:" + updated.toEpochMilli() + ":" + id + ":" + queryHash;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static PageToken after(SandboxIssue issue, Jql jql) {
        return new PageToken(issue.updated(), issue.id(), hash(jql));
    }

    static PageToken decode(String token, Jql jql) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8).split(":");
        } catch (IllegalArgumentException notBase64) {
            throw AtlassianException.jira(HttpStatus.BAD_REQUEST, "The nextPageToken is invalid.");
        }
        if (parts.length != 4 || !parts[0].equals("v1")) {
            throw AtlassianException.jira(HttpStatus.BAD_REQUEST, "The nextPageToken is invalid.");
        }
        if (!parts[3].equals(hash(jql))) {
            throw AtlassianException.jira(HttpStatus.BAD_REQUEST,
                    "The nextPageToken was issued for a different query: send the same jql with every page.");
        }
        try {
            return new PageToken(Instant.ofEpochMilli(Long.parseLong(parts[1])), Long.parseLong(parts[2]), parts[3]);
        } catch (NumberFormatException malformed) {
            throw AtlassianException.jira(HttpStatus.BAD_REQUEST, "The nextPageToken is invalid.");
        }
    }

    /** Whether this key sorts before the issue (ascending update time, then id): the issue belongs to a later ascending page. */
    boolean precedes(SandboxIssue issue) {
        return compare(issue) > 0;
    }

    /** Whether this key sorts after the issue: the issue belongs to a later descending page. */
    boolean follows(SandboxIssue issue) {
        return compare(issue) < 0;
    }

    private int compare(SandboxIssue issue) {
        int byTime = issue.updated().compareTo(updated);
        return byTime != 0 ? byTime : Long.compare(issue.id(), id);
    }

    static String hash(Jql jql) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jql.text().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
