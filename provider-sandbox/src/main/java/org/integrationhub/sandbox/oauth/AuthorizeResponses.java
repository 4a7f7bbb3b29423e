package org.integrationhub.sandbox.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What an authorize endpoint answers: an HTML page, or a redirect back to the client; neither may be cached. */
public final class AuthorizeResponses {

    private AuthorizeResponses() {
    }

    public static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(html);
    }

    /** A 302 to {@code redirectUri} with {@code params} added to its query, in order; null values are left out. */
    public static ResponseEntity<String> redirect(String redirectUri, Map<String, String> params) {
        StringBuilder target = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (param.getValue() != null) {
                target.append(separator).append(param.getKey()).append('=')
                        .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target.toString())).cacheControl(CacheControl.noStore())
                .build();
    }
}
