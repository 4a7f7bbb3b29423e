package org.integrationhub.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for one hub service: it records every request it receives
 * (method, path with query, headers, body bytes) and answers what the test told it to, by
 * "METHOD /path" (without query), else {@code 200 {"data":{"service":name}}}.
 */
final class DownstreamStub implements AutoCloseable {

    /** One received request; header names lower-case. */
    record Received(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record Answer(int status, String json, Duration delay) {
    }

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private DownstreamStub(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    static DownstreamStub start(String name) {
        return new DownstreamStub(name);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    DownstreamStub answer(String methodAndPath, int status, String json) {
        answers.put(methodAndPath, new Answer(status, json, Duration.ZERO));
        return this;
    }

    DownstreamStub answerSlowly(String methodAndPath, Duration delay) {
        answers.put(methodAndPath, new Answer(200, "{\"data\":{}}", delay));
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedOn(String path) {
        return received.stream().filter(r -> r.pathAndQuery().split("\\?")[0].equals(path)).toList();
    }

    Received last() {
        return received.isEmpty() ? null : received.get(received.size() - 1);
    }

    void reset() {
        received.clear();
        answers.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath();
        received.add(new Received(exchange.getRequestMethod(), uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery(), headers, body));
        Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                new Answer(200, "{\"data\":{\"service\":\"" + name + "\"}}", Duration.ZERO));
        if (!answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay().toMillis()); // the stub plays a slow service; the test waits on the gateway's timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] response = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        if (answer.status() == 204) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.sendResponseHeaders(answer.status(), response.length);
            exchange.getResponseBody().write(response);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
