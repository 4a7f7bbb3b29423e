package org.integrationhub.sandbox.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GitHubSignatureTest {

    @Test
    void matchesGitHubsDocumentedTestVector() {
        assertThat(GitHubSignature.sha256("It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void agreesWithAnIndependentHmacOverRawBytes() throws Exception {
        byte[] body = "payload=%7B%22a%22%3A1%7D ✓".getBytes(StandardCharsets.UTF_8);
        assertThat(GitHubSignature.sha256("s3cr3t", body)).isEqualTo("sha256=" + GitHubWebhooksTest.hmacSha256("s3cr3t", body));
    }
}
