package org.integrationhub.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The web edge every service shares: request ids (in the response, the logs and outbound calls),
 * body limits and RFC 9457 problems with stable codes.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(HttpSettings.class)
@Import(ProblemHandler.class)
public class HubWebAutoConfiguration {

    @Bean
    RequestIds requestIds() {
        return new RequestIds();
    }

    /** Every WebClient built from Boot's builder forwards the request id of the request it serves. */
    @Bean
    WebClientCustomizer requestIdForwarding() {
        return builder -> builder.filter(RequestIds.forwarding());
    }

    @Bean
    RequestBodyLimit requestBodyLimit(HttpSettings settings) {
        return new RequestBodyLimit(settings.maxRequestBody());
    }
}
