package org.integrationhub.webhook.verification;

/** GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, raw body)>}. */
public final class GitHubSignature {

    public static final String HEADER = "X-Hub-Signature-256";

    private GitHubSignature() {
    }

    public static boolean verify(String secret, byte[] rawBody, String header) {
        return Signatures.matchesHex(header, "sha256=", Signatures.hmacSha256(secret, rawBody));
    }
}
