package org.integrationhub.webhook.ingest;

import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** One delivery as it arrived: its headers, content type and raw body bytes, and when. */
record Inbound(HttpHeaders headers, MediaType contentType, byte[] body, Instant receivedAt) {

    String header(String name) {
        return headers.getFirst(name);
    }

    boolean isForm() {
        return MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType);
    }
}
