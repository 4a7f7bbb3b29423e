package org.integrationhub.connector.jira;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Jira Cloud REST v3 over a site URL with an API token (HTTP Basic {@code email:apiToken}). The
 * token is used for the one request and never logged.
 */
@Component
public class JiraSite {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebClient http;

    JiraSite(WebClient.Builder http) {
        this.http = http.build();
    }

    /** Who the credentials belong to, or why Jira would not say. */
    public record Myself(boolean connected, String accountId, String email, String displayName, String problem) {
    }

    @SuppressWarnings("unchecked")
    public Mono<Myself> myself(String baseUrl, String email, String apiToken) {
        String basic = Base64.getEncoder().encodeToString((email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
        return http.get().uri(baseUrl.replaceAll("/+$", "") + "/rest/api/3/myself")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(Map.class)
                .timeout(TIMEOUT)
                .map(body -> new Myself(true, (String) body.get("accountId"), (String) body.get("emailAddress"),
                        (String) body.get("displayName"), null))
                .onErrorResume(WebClientResponseException.class, failure -> Mono.just(new Myself(false, null, null, null,
                        failure.getStatusCode().value() == 401 || failure.getStatusCode().value() == 403
                                ? "Jira rejected the email or API token (HTTP " + failure.getStatusCode().value() + ")"
                                : "Jira answered HTTP " + failure.getStatusCode().value())))
                .onErrorResume(failure -> !(failure instanceof WebClientResponseException),
                        failure -> Mono.just(new Myself(false, null, null, null, "Jira did not answer (" + failure.getClass().getSimpleName() + ")")));
    }
}
