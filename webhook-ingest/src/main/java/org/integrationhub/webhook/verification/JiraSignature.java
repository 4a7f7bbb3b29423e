package org.integrationhub.webhook.verification;

/** Jira admin webhooks with a secret: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>}. */
public final class JiraSignature {

    public static final String HEADER = "X-Hub-Signature";

    private JiraSignature() {
    }

    public static boolean verify(String secret, byte[] rawBody, String header) {
        return Signatures.matchesHex(header, "sha256=", Signatures.hmacSha256(secret, rawBody));
    }
}
