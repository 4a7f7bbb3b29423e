package org.integrationhub.sandbox.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SlackSignatureTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final long TIMESTAMP = 1531420618L;
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    @Test
    void matchesSlacksDocumentedTestVector() {
        assertThat(SlackSigner.sign(SECRET, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
    }

    @Test
    void agreesWithSlacksOwnSdk() {
        String body = "{\"type\":\"event_callback\",\"event\":{\"text\":\"Grüße ✓\"}}";
        assertThat(SlackSigner.sign("another-secret", 1_700_000_000L, body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new SlackSignature.Generator("another-secret").generate("1700000000", body));
    }
}
