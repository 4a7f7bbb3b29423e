package org.integrationhub.gateway.ui;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.integrationhub.gateway.GatewaySettings;
import org.integrationhub.gateway.session.BrowserSession;
import org.integrationhub.support.web.RequestIds;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * The web UI's calls to the services, made by the gateway with the session's token and the
 * request id of the page that needs them. A refusal becomes {@link ServiceAnswered}; a service
 * that cannot be reached becomes {@link ServiceUnreachable}.
 */
public final class HubApi {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final WebClient http;
    private final GatewaySettings.Services services;

    public HubApi(WebClient http, GatewaySettings.Services services) {
        this.http = http;
        this.services = services;
    }

    public GatewaySettings.Services services() {
        return services;
    }

    /** The access token for these credentials and when it expires. */
    public record SignedIn(String accessToken, Instant expiresAt) {

        @Override
        public String toString() {
            return "SignedIn[expiresAt=" + expiresAt + "]";
        }
    }

    public Mono<SignedIn> signIn(String email, String password, String requestId) {
        return call(http.post().uri(services.auth().resolve("/api/auth/login")).contentType(MediaType.APPLICATION_JSON)
                .header(RequestIds.HEADER, requestId)
                .bodyValue(Map.of("email", email, "password", password)), "auth-service")
                .map(body -> {
                    Map<?, ?> data = (Map<?, ?>) body.get("data");
                    Object expiresAt = data.get("expiresAt");
                    return new SignedIn((String) data.get("accessToken"), expiresAt == null ? null : Instant.parse(expiresAt.toString()));
                });
    }

    public Mono<Map<String, Object>> register(Map<String, String> registration, String requestId) {
        return call(http.post().uri(services.auth().resolve("/api/auth/register")).contentType(MediaType.APPLICATION_JSON)
                .header(RequestIds.HEADER, requestId).bodyValue(registration), "auth-service");
    }

    public Mono<Map<String, Object>> get(URI service, String pathAndQuery, BrowserSession session, String requestId) {
        return call(http.get().uri(URI.create(service + pathAndQuery))
                .headers(h -> {
                    h.setBearerAuth(session.accessToken());
                    h.set(RequestIds.HEADER, requestId);
                }), service.toString());
    }

    public Mono<Map<String, Object>> post(URI service, String path, Object body, BrowserSession session, String requestId) {
        return send(HttpMethod.POST, service, path, MediaType.APPLICATION_JSON, body, session, requestId);
    }

    /** A POST whose body is of another type than JSON (a CSV file, say). */
    public Mono<Map<String, Object>> post(URI service, String path, MediaType type, Object body, BrowserSession session, String requestId) {
        return send(HttpMethod.POST, service, path, type, body, session, requestId);
    }

    public Mono<Map<String, Object>> put(URI service, String path, Object body, BrowserSession session, String requestId) {
        return send(HttpMethod.PUT, service, path, MediaType.APPLICATION_JSON, body, session, requestId);
    }

    public Mono<Map<String, Object>> patch(URI service, String path, Object body, BrowserSession session, String requestId) {
        return send(HttpMethod.PATCH, service, path, MediaType.APPLICATION_JSON, body, session, requestId);
    }

    private Mono<Map<String, Object>> send(HttpMethod method, URI service, String path, MediaType type, Object body,
            BrowserSession session, String requestId) {
        return call(http.method(method).uri(URI.create(service + path)).contentType(type)
                .headers(h -> {
                    h.setBearerAuth(session.accessToken());
                    h.set(RequestIds.HEADER, requestId);
                }).bodyValue(body), service.toString());
    }

    public Mono<Map<String, Object>> delete(URI service, String path, BrowserSession session, String requestId) {
        return call(http.delete().uri(URI.create(service + path))
                .headers(h -> {
                    h.setBearerAuth(session.accessToken());
                    h.set(RequestIds.HEADER, requestId);
                }), service.toString());
    }

    private static Mono<Map<String, Object>> call(WebClient.RequestHeadersSpec<?> request, String service) {
        return request.retrieve()
                .onStatus(HttpStatusCode::isError, response -> response.bodyToMono(JSON)
                        .onErrorResume(unreadable -> Mono.empty())
                        .defaultIfEmpty(Map.of())
                        .map(problem -> new ServiceAnswered(response.statusCode().value(), problem)))
                .bodyToMono(JSON)
                .map(ViewData::object)
                .defaultIfEmpty(Map.of())
                .onErrorMap(WebClientRequestException.class, failure -> new ServiceUnreachable(service))
                .onErrorMap(java.util.concurrent.TimeoutException.class, failure -> new ServiceUnreachable(service));
    }
}
