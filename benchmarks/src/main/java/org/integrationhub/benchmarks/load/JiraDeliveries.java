package org.integrationhub.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Jira Cloud admin-webhook deliveries as the provider sends them: a JSON body of about 1.5 KB and
 * {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>} with the connection's secret.
 */
public final class JiraDeliveries {

    public static final String SIGNATURE_HEADER = "X-Hub-Signature";
    public static final String DELIVERY_HEADER = "X-Atlassian-Webhook-Identifier";
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final String DESCRIPTION = "Steps to reproduce: open the board, drag the card to In Review, reload. "
            + "Expected the card to stay; it jumps back to In Progress. Seen on Firefox and Chromium, both with and without "
            + "the new sidebar. Logs attached to the support ticket; the customer says it started after the last release.";

    private JiraDeliveries() {
    }

    /** {@code jira:issue_created} of issue {@code id}: normalised and applied as a new task downstream. */
    public static String issueCreated(long id, Instant at) {
        return body("jira:issue_created", id, at);
    }

    /** A Jira event the hub verifies and publishes but sync-worker skips (comments carry no task): ingest measured alone. */
    public static String commentCreated(long id, Instant at) {
        return body("comment_created", id, at);
    }

    private static String body(String event, long id, Instant at) {
        String time = JIRA_TIME.format(at);
        return "{\"timestamp\":" + at.toEpochMilli() + ",\"webhookEvent\":\"" + event + "\",\"issue_event_type_name\":\"issue_generic\","
                + "\"user\":{\"accountId\":\"5b10a2844c20165700ede21g\",\"displayName\":\"Ada Lovelace\",\"active\":true},"
                + "\"issue\":{\"id\":\"" + id + "\",\"key\":\"BENCH-" + id + "\","
                + "\"self\":\"http://localhost:8090/atlassian/site/acme/rest/api/3/issue/" + id + "\","
                + "\"fields\":{\"summary\":\"Board card jumps back after drag (" + id + ")\","
                + "\"status\":{\"name\":\"In Progress\",\"statusCategory\":{\"key\":\"indeterminate\",\"name\":\"In Progress\"}},"
                + "\"assignee\":{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\",\"emailAddress\":\"grace@acme.example\","
                + "\"displayName\":\"Grace Hopper\"},\"project\":{\"id\":\"10000\",\"key\":\"BENCH\",\"name\":\"Benchmarks\"},"
                + "\"labels\":[\"benchmark\",\"ui\"],\"priority\":{\"name\":\"Medium\"},\"issuetype\":{\"name\":\"Bug\"},"
                + "\"description\":\"" + DESCRIPTION + "\",\"created\":\"" + time + "\",\"updated\":\"" + time + "\"}},"
                + "\"comment\":{\"id\":\"" + (id + 7) + "\",\"body\":\"Reproduced on staging.\"}}";
    }

    /** The header value Jira sends for this body and secret. */
    public static String signature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
