package org.integrationhub.connector.jira;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Jira's dynamic webhooks for OAuth apps, over {@code https://api.atlassian.com/ex/jira/{cloudId}}
 * with the connection's access token: register ({@code POST /rest/api/3/webhook}), refresh
 * ({@code PUT /rest/api/3/webhook/refresh}, answering the new expiry) and delete.
 */
@Component
public class JiraDynamicWebhooks {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private final WebClient http;

    JiraDynamicWebhooks(WebClient.Builder http) {
        this.http = http.clone().build();
    }

    /** Registers one webhook; answers the ids Jira created (an error when it created none). */
    public Mono<List<Long>> register(String baseUrl, String accessToken, String url, List<String> events, String jqlFilter) {
        var body = Map.of("url", url, "webhooks", List.of(Map.of("events", events, "jqlFilter", jqlFilter)));
        return http.post().uri(baseUrl + "/rest/api/3/webhook").headers(h -> h.setBearerAuth(accessToken))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).bodyValue(body)
                .retrieve().bodyToMono(OBJECT).timeout(TIMEOUT)
                .flatMap(answer -> {
                    List<Long> ids = new ArrayList<>();
                    if (answer.get("webhookRegistrationResult") instanceof List<?> results) {
                        for (Object result : results) {
                            if (result instanceof Map<?, ?> map && map.get("createdWebhookId") instanceof Number id) {
                                ids.add(id.longValue());
                            }
                        }
                    }
                    return ids.isEmpty() ? Mono.error(new IllegalStateException("Jira registered no webhook: " + answer))
                            : Mono.just(List.copyOf(ids));
                });
    }

    /** Extends the webhooks' life; answers their new expiry. */
    public Mono<Instant> refresh(String baseUrl, String accessToken, List<Long> webhookIds) {
        return http.put().uri(baseUrl + "/rest/api/3/webhook/refresh").headers(h -> h.setBearerAuth(accessToken))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("webhookIds", webhookIds))
                .retrieve().bodyToMono(OBJECT).timeout(TIMEOUT)
                .map(answer -> answer.get("expirationDate") instanceof Number epochMillis
                        ? Instant.ofEpochMilli(epochMillis.longValue()) : Instant.now().plus(Duration.ofDays(30)));
    }

    public Mono<Void> delete(String baseUrl, String accessToken, List<Long> webhookIds) {
        return http.method(HttpMethod.DELETE).uri(baseUrl + "/rest/api/3/webhook").headers(h -> h.setBearerAuth(accessToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("webhookIds", webhookIds))
                .retrieve().toBodilessEntity().timeout(TIMEOUT).then();
    }
}
