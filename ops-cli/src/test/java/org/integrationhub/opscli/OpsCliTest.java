package org.integrationhub.opscli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line itself, without a hub: help, usage errors and the exit-code mapping. */
class OpsCliTest {

    private static int run(StringWriter out, String... args) {
        return OpsCli.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        var out = new StringWriter();
        assertThat(run(out, "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("replay", "dlt", "lag", "health", "Exit codes:", "3   token refused");
    }

    @Test
    void aMissingTokenOrAMalformedPositionIsAUsageError() {
        var out = new StringWriter();
        assertThat(run(out, "lag", "--url", "http://localhost:1")).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).contains("no token");
        assertThat(run(new StringWriter(), "dlt", "redrive", "not-a-position", "--token", "t", "--url", "http://localhost:1"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run(new StringWriter(), "replay", "start", "--partition", "x", "--token", "t")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void httpStatusesMapToExitCodes() {
        assertThat(ApiFailure.exitCodeOf(401)).isEqualTo(ExitCodes.AUTH_REFUSED);
        assertThat(ApiFailure.exitCodeOf(403)).isEqualTo(ExitCodes.AUTH_REFUSED);
        assertThat(ApiFailure.exitCodeOf(400)).isEqualTo(ExitCodes.REQUEST_REFUSED);
        assertThat(ApiFailure.exitCodeOf(404)).isEqualTo(ExitCodes.REQUEST_REFUSED);
        assertThat(ApiFailure.exitCodeOf(409)).isEqualTo(ExitCodes.REQUEST_REFUSED);
        assertThat(ApiFailure.exitCodeOf(503)).isEqualTo(ExitCodes.SERVER_FAILURE);
    }
}
