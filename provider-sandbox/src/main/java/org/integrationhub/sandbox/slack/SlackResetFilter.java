package org.integrationhub.sandbox.slack;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** {@code POST /sandbox/reset} also forgets Slack's posted messages and event attempts. */
@Component
class SlackResetFilter implements WebFilter {

    private final SlackMessages messages;
    private final SlackEvents events;

    SlackResetFilter(SlackMessages messages, SlackEvents events) {
        this.messages = messages;
        this.events = events;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() == HttpMethod.POST && "/sandbox/reset".equals(exchange.getRequest().getPath().value())) {
            messages.clear();
            events.clear();
        }
        return chain.filter(exchange);
    }
}
