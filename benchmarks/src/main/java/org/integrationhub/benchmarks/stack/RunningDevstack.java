package org.integrationhub.benchmarks.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The devstack exactly as {@code ./devstack.sh} runs it ({@code devstack/target/devstack.jar}: embedded
 * KRaft Kafka and Postgres in the launcher JVM, each service its own JVM), started as a child process
 * with extra environment (sandbox size, operator e-mail), read from its console table.
 */
public final class RunningDevstack implements AutoCloseable {

    private static final Pattern KAFKA = Pattern.compile("^\\s+kafka\\s+(\\S+)\\s+UP", Pattern.MULTILINE);
    private static final Pattern POSTGRES = Pattern.compile("^\\s+postgres\\s+postgresql://(\\S+?):(\\d+)/(\\S+)\\s+UP", Pattern.MULTILINE);

    private final Process process;
    private final String kafka;
    private final String jdbcUrl;
    private final Path log;

    private RunningDevstack(Process process, String kafka, String jdbcUrl, Path log) {
        this.process = process;
        this.kafka = kafka;
        this.jdbcUrl = jdbcUrl;
        this.log = log;
    }

    public static RunningDevstack start(Path root, Map<String, String> environment, Path log, Duration timeout) throws IOException {
        Path jar = root.resolve("devstack/target/devstack.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./benchmarks.sh, which builds it");
        }
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-Dhub.root=" + root, "-jar", jar.toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String console = Files.readString(log);
            if (console.contains("The hub is up")) {
                Matcher kafka = KAFKA.matcher(console);
                Matcher postgres = POSTGRES.matcher(console);
                if (!kafka.find() || !postgres.find()) {
                    process.destroy();
                    throw new IllegalStateException("The devstack's table has no Kafka or Postgres address; see " + log);
                }
                String jdbc = "jdbc:postgresql://" + postgres.group(1) + ":" + postgres.group(2) + "/" + postgres.group(3);
                return new RunningDevstack(process, kafka.group(1), jdbc, log);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The devstack exited during start-up; see " + log + ":\n" + tail(console));
            }
            sleep(Duration.ofMillis(500));
        }
        process.destroy();
        throw new IllegalStateException("The devstack did not start within " + timeout.toSeconds() + " s; see " + log);
    }

    public String kafkaBootstrapServers() {
        return kafka;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Each service's process id, by module name, read from the command lines of the launcher's children. */
    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        process.descendants().forEach(child -> child.info().commandLine().flatMap(RunningDevstack::moduleOf)
                .ifPresent(module -> pids.put(module, child.pid())));
        pids.put("devstack (Kafka + Postgres launcher)", process.pid());
        return pids;
    }

    /**
     * The embedded Postgres server and its backends. pg_ctl detaches the server from the launcher, so
     * it is found by its command line ({@code bin/postgres … -p <port>}), and the backends as its children.
     */
    public List<Long> postgresPids() {
        String port = " -p " + jdbcUrl.replaceAll(".*:(\\d+)/.*", "$1") + " ";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("/bin/postgres ") && c.contains(port)).orElse(false))
                .flatMap(server -> java.util.stream.Stream.concat(java.util.stream.Stream.of(server), server.descendants()))
                .map(ProcessHandle::pid).toList();
    }

    private static Optional<String> moduleOf(String commandLine) {
        Matcher jar = Pattern.compile("/([a-z-]+)/target/([a-z-]+?)(-exec)?\\.jar").matcher(commandLine);
        return jar.find() ? Optional.of(jar.group(1)) : Optional.empty();
    }

    private static String tail(String console) {
        List<String> lines = console.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** SIGTERM to the launcher, whose shutdown hook stops every service, then Kafka and Postgres. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public Path log() {
        return log;
    }
}
