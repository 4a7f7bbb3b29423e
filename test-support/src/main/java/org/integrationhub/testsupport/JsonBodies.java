package org.integrationhub.testsupport;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One value out of a JSON response body, for tests that need it for the next request. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static String read(WebTestClient.ResponseSpec response, String jsonPath) {
        return read(response.expectBody(), jsonPath);
    }

    public static String read(WebTestClient.BodyContentSpec body, String jsonPath) {
        Object value = JsonPath.read(new String(body.returnResult().getResponseBodyContent(), StandardCharsets.UTF_8), jsonPath);
        return String.valueOf(value);
    }
}
