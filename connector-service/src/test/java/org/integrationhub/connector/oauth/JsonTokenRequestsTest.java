package org.integrationhub.connector.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** The form Spring Security's token client writes leaves as one JSON object with the same fields. */
class JsonTokenRequestsTest {

    @Test
    void sendsTheFormsFieldsAsJson() {
        AtomicReference<ClientRequest> sent = new AtomicReference<>();
        WebClient client = WebClient.builder()
                .exchangeFunction(request -> {
                    sent.set(request);
                    return Mono.just(ClientResponse.create(HttpStatus.OK).build());
                })
                .filter(JsonTokenRequests.asJson())
                .build();

        client.post().uri("https://auth.example/oauth/token")
                .body(BodyInserters.fromFormData("grant_type", "authorization_code").with("code", "a b&c=d")
                        .with("redirect_uri", "http://localhost:8082/api/oauth/callback/jira").with("code_verifier", "v~1"))
                .retrieve().toBodilessEntity().block();

        assertThat(sent.get().headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        var written = new JsonTokenRequests.Captured(sent.get().method(), sent.get().url());
        sent.get().body().insert(written, new BodyInserterContext()).block();
        assertThat(written.text()).isEqualTo("{\"grant_type\":\"authorization_code\",\"code\":\"a b&c=d\","
                + "\"redirect_uri\":\"http://localhost:8082/api/oauth/callback/jira\",\"code_verifier\":\"v~1\"}");
    }

    @Test
    void leavesOtherRequestsAlone() {
        AtomicReference<ClientRequest> sent = new AtomicReference<>();
        WebClient client = WebClient.builder().exchangeFunction(request -> {
            sent.set(request);
            return Mono.just(ClientResponse.create(HttpStatus.OK).build());
        }).filter(JsonTokenRequests.asJson()).build();
        client.get().uri("https://auth.example/other").retrieve().toBodilessEntity().block();
        assertThat(sent.get().headers().getContentType()).isNull();
    }

    private static final class BodyInserterContext implements org.springframework.web.reactive.function.BodyInserter.Context {
        @Override
        public java.util.List<org.springframework.http.codec.HttpMessageWriter<?>> messageWriters() {
            return ExchangeStrategies.withDefaults().messageWriters();
        }

        @Override
        public java.util.Optional<org.springframework.http.server.reactive.ServerHttpRequest> serverRequest() {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Map<String, Object> hints() {
            return java.util.Map.of();
        }
    }
}
