package org.integrationhub.connector.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Spring Security's reactive token clients always send the token request form-encoded; Atlassian
 * documents a JSON body. This filter, on the WebClient of a provider whose entry says
 * {@code token-request-body: json}, renders the client's form into its fields and sends them as
 * one JSON object instead — same fields, same values.
 */
final class JsonTokenRequests {

    private JsonTokenRequests() {
    }

    static ExchangeFilterFunction asJson() {
        List<HttpMessageWriter<?>> writers = ExchangeStrategies.withDefaults().messageWriters();
        BodyInserter.Context context = new BodyInserter.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public Optional<ServerHttpRequest> serverRequest() {
                return Optional.empty();
            }

            @Override
            public Map<String, Object> hints() {
                return Map.of();
            }
        };
        return (request, next) -> {
            if (!HttpMethod.POST.equals(request.method())) {
                return next.exchange(request);
            }
            Captured captured = new Captured(request.method(), request.url());
            return request.body().insert(captured, context).then(Mono.defer(() -> !form(request, captured) ? next.exchange(request)
                    : next.exchange(ClientRequest.from(request)
                    .headers(headers -> {
                        headers.setContentType(MediaType.APPLICATION_JSON);
                        headers.remove(HttpHeaders.CONTENT_LENGTH);
                    })
                    .body(BodyInserters.fromValue(fields(captured.text())))
                    .build())));
        };
    }

    private static boolean form(ClientRequest request, Captured captured) {
        MediaType type = captured.getHeaders().getContentType() != null ? captured.getHeaders().getContentType()
                : request.headers().getContentType();
        return type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type);
    }

    static Map<String, String> fields(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        UriComponentsBuilder.newInstance().query(form).build().getQueryParams().forEach((name, values) -> fields.put(
                decode(name), values.isEmpty() || values.get(0) == null ? "" : decode(values.get(0))));
        return fields;
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** A request that only remembers what was written into it. */
    static final class Captured implements ClientHttpRequest {

        private final HttpMethod method;
        private final URI uri;
        private final HttpHeaders headers = new HttpHeaders();
        private final Map<String, Object> attributes = new ConcurrentHashMap<>();
        private volatile String text = "";

        Captured(HttpMethod method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        String text() {
            return text;
        }

        @Override
        public HttpMethod getMethod() {
            return method;
        }

        @Override
        public URI getURI() {
            return uri;
        }

        @Override
        public MultiValueMap<String, HttpCookie> getCookies() {
            return new LinkedMultiValueMap<>();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public <T> T getNativeRequest() {
            throw new UnsupportedOperationException("a captured request has no native request");
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public DataBufferFactory bufferFactory() {
            return DefaultDataBufferFactory.sharedInstance;
        }

        @Override
        public void beforeCommit(Supplier<? extends Mono<Void>> action) {
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return DataBufferUtils.join(body).doOnNext(buffer -> {
                text = buffer.toString(StandardCharsets.UTF_8);
                DataBufferUtils.release(buffer);
            }).then();
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return writeWith(reactor.core.publisher.Flux.from(body).flatMap(reactor.core.publisher.Flux::from));
        }

        @Override
        public Mono<Void> setComplete() {
            return Mono.empty();
        }
    }
}
