package org.integrationhub.webhook.verification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Slack: {@code X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + raw body)>}
 * with {@code X-Slack-Request-Timestamp} (seconds) no more than five minutes from now (replays).
 */
public final class SlackSignature {

    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    /** The outcome: valid, a bad or missing signature, or a timestamp out of the window. */
    public enum Result { VALID, BAD_SIGNATURE, STALE }

    private SlackSignature() {
    }

    public static Result verify(String signingSecret, byte[] rawBody, String timestamp, String signature, Instant now) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException notANumber) {
            return Result.BAD_SIGNATURE;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(MAX_AGE) > 0) {
            return Result.STALE;
        }
        byte[] expected = Signatures.hmacSha256(signingSecret, ("v0:" + seconds + ":").getBytes(StandardCharsets.UTF_8), rawBody);
        return Signatures.matchesHex(signature, "v0=", expected) ? Result.VALID : Result.BAD_SIGNATURE;
    }
}
