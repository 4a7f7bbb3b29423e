package org.integrationhub.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** HTTP limits of a service: {@code hub.http.max-request-body} (default 64KB). */
@ConfigurationProperties("hub.http")
public record HttpSettings(DataSize maxRequestBody) {

    public HttpSettings {
        if (maxRequestBody == null) {
            maxRequestBody = DataSize.ofKilobytes(64);
        }
    }
}
