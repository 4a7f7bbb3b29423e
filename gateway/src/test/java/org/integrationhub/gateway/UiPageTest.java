package org.integrationhub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The web UI's pages, rendered by the gateway from what the (stubbed) services answer; one context for every page test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class UiPageTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        Stubs.register(registry);
    }

    @BeforeEach
    void authServiceSignsIn() {
        Stubs.resetAll();
        Stubs.AUTH.answer("POST /api/auth/login", 200, "{\"data\":{\"accessToken\":\"" + BrowserSessionIT.TOKEN
                + "\",\"expiresAt\":\"" + Instant.now().plus(15, ChronoUnit.MINUTES) + "\"}}");
    }

    /** A browser signed in through the form, which lands on the overview. */
    protected Browser signedIn() {
        Browser browser = new Browser(port);
        EntityExchangeResult<byte[]> result = browser.signIn("ada@example.com", "correct horse battery staple");
        assertThat(result.getStatus().value()).isEqualTo(303);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/ui/overview");
        return browser;
    }

    protected static String page(EntityExchangeResult<byte[]> result, int status) {
        assertThat(result.getStatus().value()).as(Browser.html(result)).isEqualTo(status);
        return Browser.html(result);
    }

    /** Every visible form control has a label that names it (label for=id), or an aria-label; every button a name. */
    static void assertEveryControlIsLabelled(String html) {
        Set<String> labelled = new HashSet<>();
        Matcher labels = Pattern.compile("<label for=\"([^\"]+)\"").matcher(html);
        while (labels.find()) {
            labelled.add(labels.group(1));
        }
        Matcher controls = Pattern.compile("<(input|select|textarea)\\b([^>]*)>").matcher(html);
        while (controls.find()) {
            String attributes = controls.group(2);
            if (attributes.contains("type=\"hidden\"")) {
                continue;
            }
            Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(attributes);
            assertThat(id.find() && labelled.contains(id.group(1))).as("a label for " + controls.group()).isTrue();
        }
        Matcher buttons = Pattern.compile("<button\\b[^>]*>([^<]*)</button>").matcher(html);
        while (buttons.find()) {
            assertThat(buttons.group(1).isBlank() && !buttons.group().contains("aria-label")).as("a named button " + buttons.group()).isFalse();
        }
    }
}
