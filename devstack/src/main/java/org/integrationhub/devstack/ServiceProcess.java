package org.integrationhub.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM, its output in a log file. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final HubService service;
    private final Process process;
    private final Path log;

    private ServiceProcess(HubService service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess launch(HubService service, DevstackSettings settings, Map<String, String> environment) throws IOException {
        Path jar = settings.jarOf(service);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build first (./mvnw -DskipTests package), "
                    + "or start the devstack with ./devstack.sh, which does");
        }
        Path log = settings.logOf(service);
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(settings.jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(service.port()));
        builder.environment().put("HUB_DEVSTACK_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        return new ServiceProcess(service, builder.start(), log);
    }

    HubService service() {
        return service;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Health as the service reports it ("UP", "DOWN", ...), or "STARTING" while it does not answer yet. */
    String health() {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            int at = body.indexOf("\"status\":\"");
            return at < 0 ? "UNKNOWN" : body.substring(at + 10, body.indexOf('"', at + 10));
        } catch (IOException e) {
            return "STARTING";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "STARTING";
        }
    }

    /** Asks for a graceful stop (SIGTERM), then kills the whole process tree if it does not end in time. */
    void stop(Duration grace) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
