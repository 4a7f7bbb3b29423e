package org.integrationhub.benchmarks.load;

import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.http.server.HttpServer;

/**
 * The ingest ceiling: a WebFlux endpoint on Reactor Netty that reads the request body and answers 200
 * with no other work — no security chain, no signature, no Kafka. The benchmark starts it as its own
 * JVM with the same flags the devstack gives each service, so the only difference is the work.
 */
public final class BareEndpoint {

    private BareEndpoint() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        var routes = RouterFunctions.route(RequestPredicates.POST("/webhooks/**"),
                request -> request.bodyToMono(byte[].class).then(ServerResponse.ok().build()));
        var adapter = new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes));
        var server = HttpServer.create().port(port).handle(adapter).bindNow();
        System.out.println("bare endpoint listening on " + server.port());
        server.onDispose().block();
    }
}
