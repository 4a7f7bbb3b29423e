package org.integrationhub.sandbox.github;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny webhook endpoint on a free local port that answers 204 and keeps every request, raw body included. */
final class HookReceiver implements AutoCloseable {

    /** One received request; header names are case-insensitive. */
    record Received(String path, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    HookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/github";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> events(String event) {
        return received.stream().filter(r -> event.equals(r.header("X-GitHub-Event"))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
