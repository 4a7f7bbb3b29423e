package org.integrationhub.support.web;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over a limit with 413: at once when Content-Length says so, and while
 * reading when the body is streamed without one, so an oversized body is never buffered whole.
 */
public class RequestBodyLimit implements WebFilter, Ordered {

    private final long maxBytes;

    public RequestBodyLimit(DataSize max) {
        this.maxBytes = max.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Problems.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
                    "The request body is larger than " + maxBytes + " bytes.");
        }
        return chain.filter(exchange.mutate().request(new Limited(exchange.getRequest(), maxBytes)).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    private static final class Limited extends ServerHttpRequestDecorator {

        private final long maxBytes;

        Limited(ServerHttpRequest delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong read = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (read.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                    sink.error(new DataBufferLimitException("Request body over " + maxBytes + " bytes"));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
