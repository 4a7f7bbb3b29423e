package org.integrationhub.sandbox.atlassian;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/** A tiny webhook endpoint on 127.0.0.1 that records every request and answers the statuses it is told to (then 200). */
final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Received(String path, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return JSON.readValue(body, Map.class);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private int otherwise = 200;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
                receiver.received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
                exchange.sendResponseHeaders(receiver.nextStatus(), -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next requests get these statuses, in order; later ones get 200 (or what {@link #alwaysAnswer} set). */
    synchronized void answer(int... next) {
        for (int status : next) {
            statuses.addLast(status);
        }
    }

    /** Every request from now on gets this status. */
    synchronized void alwaysAnswer(int status) {
        statuses.clear();
        otherwise = status;
    }

    private synchronized int nextStatus() {
        Integer status = statuses.pollFirst();
        return status == null ? otherwise : status;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
