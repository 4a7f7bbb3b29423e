package org.integrationhub.sandbox.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A local Events API endpoint: keeps every request (raw body included) and answers from a script
 * of responses, then 200.
 */
final class EventReceiver implements AutoCloseable {

    /** One scripted answer: a status, extra headers, and how long to wait before answering. */
    record Answer(int status, Map<String, String> headers, long delayMillis) {
    }

    /** One received request; header names are case-insensitive. */
    record Received(Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    EventReceiver(Answer... answers) throws IOException {
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(headers, body));
            Answer answer = script.poll();
            if (answer != null && answer.delayMillis() > 0) {
                later.schedule(() -> respond(exchange, answer), answer.delayMillis(), TimeUnit.MILLISECONDS);
            } else {
                respond(exchange, answer);
            }
        });
        server.start();
    }

    private static void respond(HttpExchange exchange, Answer answer) {
        try {
            if (answer != null) {
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            }
            byte[] reply = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer == null ? 200 : answer.status(), reply.length);
            exchange.getResponseBody().write(reply);
        } catch (IOException e) {
            // the sandbox gave up waiting (a timeout under test)
        } finally {
            exchange.close();
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        later.shutdownNow();
    }
}
