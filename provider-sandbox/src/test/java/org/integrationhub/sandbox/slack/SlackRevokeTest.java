package org.integrationhub.sandbox.slack;

import org.integrationhub.sandbox.SandboxHarness;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** {@code auth.revoke}: a token revokes itself; {@code test=true} only checks it. */
class SlackRevokeTest {

    private final WebTestClient http = SandboxHarness.http();

    private WebTestClient.BodyContentSpec call(String method, String token, String... extra) {
        var form = BodyInserters.fromFormData("token", token);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            form = form.with(extra[i], extra[i + 1]);
        }
        return http.post().uri("/slack/api/" + method).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void aRevokedTokenNoLongerAuthenticates() {
        String token = SlackOAuth.botToken(http, "chat:write");
        call("auth.revoke", token, "test", "true").jsonPath("$.ok").isEqualTo(true).jsonPath("$.revoked").isEqualTo(false);
        call("auth.test", token).jsonPath("$.ok").isEqualTo(true);

        call("auth.revoke", token).jsonPath("$.ok").isEqualTo(true).jsonPath("$.revoked").isEqualTo(true);

        call("auth.test", token).jsonPath("$.ok").isEqualTo(false);
        call("auth.revoke", token).jsonPath("$.ok").isEqualTo(false);
    }
}
