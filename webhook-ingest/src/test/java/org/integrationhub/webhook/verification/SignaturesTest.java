package org.integrationhub.webhook.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The providers' own documented examples, and the ways a signature must fail. */
class SignaturesTest {

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    @Test
    void verifiesGitHubsDocumentedExample() {
        assertThat(GitHubSignature.verify("It's a Secret to Everybody", HELLO,
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")).isTrue();
    }

    @Test
    void rejectsAGitHubSignatureWithAnotherSecretOrBodyOrShape() {
        String good = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        assertThat(GitHubSignature.verify("another secret", HELLO, good)).isFalse();
        assertThat(GitHubSignature.verify("It's a Secret to Everybody", "Hello, World?".getBytes(StandardCharsets.UTF_8), good)).isFalse();
        assertThat(GitHubSignature.verify("It's a Secret to Everybody", HELLO, good.replace("sha256=", "sha1="))).isFalse();
        assertThat(GitHubSignature.verify("It's a Secret to Everybody", HELLO, "sha256=not-hex")).isFalse();
        assertThat(GitHubSignature.verify("It's a Secret to Everybody", HELLO, null)).isFalse();
    }

    @Test
    void verifiesSlacksDocumentedExample() {
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        assertThat(SlackSignature.verify("8f742231b10e8888abcd99yyyzzz85a5", body.getBytes(StandardCharsets.UTF_8), "1531420618",
                "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", Instant.ofEpochSecond(1531420618 + 60)))
                .isEqualTo(SlackSignature.Result.VALID);
    }

    @Test
    void rejectsAStaleOrForgedSlackRequest() {
        String signature = "v0=" + HexFormat.of().formatHex(Signatures.hmacSha256("secret", "v0:1000:".getBytes(StandardCharsets.UTF_8), HELLO));
        assertThat(SlackSignature.verify("secret", HELLO, "1000", signature, Instant.ofEpochSecond(1000 + 301)))
                .isEqualTo(SlackSignature.Result.STALE);
        assertThat(SlackSignature.verify("secret", HELLO, "1000", signature, Instant.ofEpochSecond(1000 + 299)))
                .isEqualTo(SlackSignature.Result.VALID);
        assertThat(SlackSignature.verify("other", HELLO, "1000", signature, Instant.ofEpochSecond(1000)))
                .isEqualTo(SlackSignature.Result.BAD_SIGNATURE);
        assertThat(SlackSignature.verify("secret", HELLO, "not-a-number", signature, Instant.ofEpochSecond(1000)))
                .isEqualTo(SlackSignature.Result.BAD_SIGNATURE);
    }

    @Test
    void agreesWithSlacksOwnSdk() {
        var sdk = new com.slack.api.app_backend.SlackSignature.Generator("8f742231b10e8888abcd99yyyzzz85a5");
        String body = "{\"type\":\"event_callback\",\"event_id\":\"Ev123\"}";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = sdk.generate(timestamp, body);
        assertThat(SlackSignature.verify("8f742231b10e8888abcd99yyyzzz85a5", body.getBytes(StandardCharsets.UTF_8), timestamp, signature,
                Instant.now())).isEqualTo(SlackSignature.Result.VALID);
    }

    @Test
    void verifiesJiraAdminWebhookSignatures() {
        byte[] body = "{\"webhookEvent\":\"jira:issue_updated\"}".getBytes(StandardCharsets.UTF_8);
        String header = "sha256=" + HexFormat.of().formatHex(Signatures.hmacSha256("jira-secret", body));
        assertThat(JiraSignature.verify("jira-secret", body, header)).isTrue();
        assertThat(JiraSignature.verify("jira-secret", "{}".getBytes(StandardCharsets.UTF_8), header)).isFalse();
    }

    @Test
    void verifiesJiraOAuthWebhookJwts() {
        long now = Instant.now().getEpochSecond();
        assertThat(JiraJwt.verify("client-secret", "Bearer " + jwt("HS256", "client-secret", now + 300), Instant.now())).isTrue();
        assertThat(JiraJwt.verify("client-secret", "Bearer " + jwt("HS256", "client-secret", now - 300), Instant.now()))
                .as("expired").isFalse();
        assertThat(JiraJwt.verify("client-secret", "Bearer " + jwt("HS256", "another", now + 300), Instant.now()))
                .as("another secret").isFalse();
        assertThat(JiraJwt.verify("client-secret", "Bearer " + jwt("none", "client-secret", now + 300), Instant.now()))
                .as("alg none").isFalse();
        assertThat(JiraJwt.verify("client-secret", "Bearer garbage", Instant.now())).isFalse();
        assertThat(JiraJwt.verify("client-secret", null, Instant.now())).isFalse();
    }

    private static String jwt(String alg, String secret, long exp) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(("{\"iss\":\"client\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        String signature = url.encodeToString(Signatures.hmacSha256(secret, (header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
        return header + "." + claims + "." + signature;
    }
}
