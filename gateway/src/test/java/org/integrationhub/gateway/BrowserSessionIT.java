package org.integrationhub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The backend-for-frontend: signing in through the UI keeps the token in a sealed cookie, the
 * gateway relays it as a bearer token, browser state changes need the CSRF token, and signing
 * out makes the cookie worthless.
 */
class BrowserSessionIT extends UiPageTest {

    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmVkLWJ5LWF1dGg";

    @Test
    void signingInKeepsTheTokenInASealedHttpOnlyCookieTheBrowserCannotRead() {
        Browser browser = new Browser(port);
        browser.get("/ui/login");
        EntityExchangeResult<byte[]> result = browser.postForm("/ui/login",
                Map.of("email", "ada@example.com", "password", "correct horse battery staple"));

        assertThat(Stubs.AUTH.last().bodyText()).contains("\"email\":\"ada@example.com\"");
        ResponseCookie session = result.getResponseCookies().getFirst("HUB_SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.getValue()).doesNotContain(TOKEN).doesNotContain("eyJ").startsWith("v1:test:");
        assertThat(Browser.html(result)).doesNotContain(TOKEN);
    }

    @Test
    void relaysTheSessionsTokenAsBearerAndKeepsTheGatewaysCookiesToItself() {
        Browser browser = signedIn();

        browser.get("/api/external-tasks?size=5");

        DownstreamStub.Received relayed = Stubs.TASKS.last();
        assertThat(relayed.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(relayed.header("Cookie")).as("neither session nor CSRF cookie goes downstream")
                .satisfiesAnyOf(c -> assertThat(c).isNull(), c -> assertThat(c).doesNotContain("HUB_SESSION", "XSRF-TOKEN"));
    }

    @Test
    void refusesAStateChangingBrowserRequestWithoutTheCsrfToken() {
        Browser browser = signedIn();

        browser.http().post().uri("/api/integrations").cookies(c -> browser.cookies().forEach(c::add))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"type\":\"jira\"}").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("csrf_token_invalid");
        assertThat(Stubs.CONNECTOR.received()).as("nothing reached connector-service").isEmpty();

        browser.http().post().uri("/ui/logout").cookies(c -> browser.cookies().forEach(c::add)).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void acceptsAStateChangingBrowserRequestWithTheCsrfTokenInItsHeader() {
        Browser browser = signedIn();
        browser.get("/ui/login");

        browser.http().post().uri("/api/integrations").cookies(c -> browser.cookies().forEach(c::add))
                .header("X-XSRF-TOKEN", browser.csrfToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"type\":\"jira\"}").exchange()
                .expectStatus().isOk();
        assertThat(Stubs.CONNECTOR.last().header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void signingOutEndsTheSessionEvenForACopiedCookie() {
        Browser browser = signedIn();
        String copied = browser.cookies().get("HUB_SESSION");
        browser.get("/ui/login");

        EntityExchangeResult<byte[]> signedOut = browser.postForm("/ui/logout", Map.of());
        assertThat(signedOut.getStatus().value()).isEqualTo(303);
        assertThat(signedOut.getResponseHeaders().getLocation()).hasToString("/ui/login?signedOut");
        assertThat(browser.cookies()).as("the browser was told to forget the session").doesNotContainKey("HUB_SESSION");

        browser.http().get().uri("/api/external-tasks").cookie("HUB_SESSION", copied).exchange();
        assertThat(Stubs.TASKS.last().header("Authorization")).as("a signed-out cookie relays no token").isNull();
        browser.http().get().uri("/ui/integrations").cookie("HUB_SESSION", copied).exchange()
                .expectStatus().isSeeOther().expectHeader().location("/ui/login");
    }

    @Test
    void ignoresATamperedCookie() {
        Browser browser = signedIn();
        String sealed = browser.cookies().get("HUB_SESSION");
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);

        browser.http().get().uri("/api/external-tasks").cookie("HUB_SESSION", tampered).exchange();
        assertThat(Stubs.TASKS.last().header("Authorization")).isNull();
    }

    @Test
    void tellsAPersonWhoseCredentialsDoNotMatchInWords() {
        Stubs.AUTH.answer("POST /api/auth/login", 401, "{\"status\":401,\"code\":\"invalid_credentials\",\"detail\":\"Email or password is wrong.\"}");
        Browser browser = new Browser(port);

        EntityExchangeResult<byte[]> result = browser.signIn("ada@example.com", "wrong password!");

        assertThat(result.getStatus().value()).isEqualTo(401);
        assertThat(Browser.html(result)).contains("That email address and password do not match an account.")
                .contains("value=\"ada@example.com\"");
        assertThat(browser.cookies()).doesNotContainKey("HUB_SESSION");
    }

    @Test
    void propagatesThePagesRequestIdToTheServicesItCalls() {
        Browser browser = new Browser(port);
        browser.get("/ui/login");
        EntityExchangeResult<byte[]> result = browser.http().post().uri("/ui/login").header("X-Request-Id", "page-77")
                .cookies(c -> browser.cookies().forEach(c::add)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("email=ada%40example.com&password=pw&_csrf=" + java.net.URLEncoder.encode(browser.csrfToken(), java.nio.charset.StandardCharsets.UTF_8))
                .exchange().expectBody().returnResult();

        assertThat(result.getStatus().value()).isEqualTo(303);
        assertThat(Stubs.AUTH.last().header("X-Request-Id")).isEqualTo("page-77");
    }
}
