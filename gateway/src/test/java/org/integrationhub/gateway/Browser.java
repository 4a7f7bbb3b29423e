package org.integrationhub.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A browser for tests, over real HTTP: it keeps the cookies the gateway sets (and forgets those
 * it clears), does not follow redirects, and fills a form's CSRF field from the last page it read.
 */
final class Browser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final WebTestClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrfToken;

    Browser(int port) {
        this.http = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
    }

    WebTestClient http() {
        return http;
    }

    Map<String, String> cookies() {
        return cookies;
    }

    String csrfToken() {
        return csrfToken;
    }

    EntityExchangeResult<byte[]> get(String path) {
        EntityExchangeResult<byte[]> result = http.get().uri(path).cookies(c -> cookies.forEach(c::add)).exchange()
                .expectBody().returnResult();
        remember(result);
        return result;
    }

    EntityExchangeResult<byte[]> postForm(String path, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return postForm(path, form);
    }

    /** A form whose fields may repeat (checkboxes). */
    EntityExchangeResult<byte[]> postForm(String path, MultiValueMap<String, String> form) {
        if (csrfToken != null && !form.containsKey("_csrf")) {
            form.add("_csrf", csrfToken);
        }
        EntityExchangeResult<byte[]> result = http.post().uri(path).cookies(c -> cookies.forEach(c::add))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(form).exchange()
                .expectBody().returnResult();
        remember(result);
        return result;
    }

    /** A multipart form (a file upload): text fields, and a file part named {@code fileField} with that content. */
    EntityExchangeResult<byte[]> postMultipart(String path, Map<String, String> fields, String fileField, String fileName, String content) {
        org.springframework.http.client.MultipartBodyBuilder parts = new org.springframework.http.client.MultipartBodyBuilder();
        fields.forEach(parts::part);
        if (csrfToken != null && !fields.containsKey("_csrf")) {
            parts.part("_csrf", csrfToken);
        }
        if (fileField != null) {
            parts.part(fileField, new org.springframework.core.io.ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            }).contentType(MediaType.parseMediaType("text/csv"));
        }
        EntityExchangeResult<byte[]> result = http.post().uri(path).cookies(c -> cookies.forEach(c::add))
                .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(parts.build()).exchange()
                .expectBody().returnResult();
        remember(result);
        return result;
    }

    /** Opens the sign-in page, then signs in with the form. */
    EntityExchangeResult<byte[]> signIn(String email, String password) {
        get("/ui/login");
        return postForm("/ui/login", Map.of("email", email, "password", password));
    }

    static String html(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBodyContent();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private void remember(EntityExchangeResult<byte[]> result) {
        for (ResponseCookie cookie : result.getResponseCookies().values().stream().flatMap(java.util.List::stream).toList()) {
            if (cookie.getMaxAge().isZero() || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        String contentType = result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.startsWith("text/html")) {
            Matcher token = CSRF_FIELD.matcher(html(result));
            if (token.find()) {
                csrfToken = token.group(1);
            }
        }
    }
}
