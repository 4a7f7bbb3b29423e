package org.integrationhub.benchmarks.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * While a load runs: each service's peak heap in use (its {@code /actuator/prometheus}
 * {@code jvm_memory_used_bytes{area="heap"}}) and peak resident set ({@code /proc/<pid>/status}
 * VmRSS), every second; and the CPU time each process and the whole machine spent over the phase
 * ({@code /proc/<pid>/stat}, {@code /proc/stat}) — the busiest process is the first suspect for the
 * stage's bottleneck.
 */
public final class ResourceSampler implements AutoCloseable {

    /** One process over one phase. Heap is -1 where the process has no actuator (the launcher). */
    public record Usage(String process, long peakHeapBytes, long peakRssBytes, double cpuSeconds) {
    }

    /** The phase: per-process usage, the machine's busy fraction (0..1 over all cores) and its length. */
    public record Phase(String name, List<Usage> usage, double machineBusy, double seconds) {
    }

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final Map<String, Integer> PORTS = Map.of("provider-sandbox", 8090, "auth-service", 8081,
            "connector-service", 8082, "webhook-ingest", 8083, "sync-worker", 8084, "mapping-service", 8085, "gateway", 8080);

    private final String name;
    private final Map<String, Long> pids;
    private final List<Long> postgresPids;
    private final Map<String, Long> peakHeap = new LinkedHashMap<>();
    private final Map<String, Long> peakRss = new LinkedHashMap<>();
    private final Map<String, Long> cpuAtStart = new LinkedHashMap<>();
    private final long[] machineAtStart;
    private final long startedNanos = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "resource-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private ResourceSampler(String name, Map<String, Long> pids, List<Long> postgresPids) {
        this.name = name;
        this.pids = pids;
        this.postgresPids = postgresPids;
        pids.forEach((process, pid) -> cpuAtStart.put(process, cpuTicks(pid)));
        cpuAtStart.put("postgres (all server processes)", postgresPids.stream().mapToLong(ResourceSampler::cpuTicks).sum());
        machineAtStart = machineTicks();
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    public static ResourceSampler start(String phase, RunningDevstack devstack) {
        Map<String, Long> pids = new LinkedHashMap<>(devstack.servicePids());
        // the load generator (Gatling, the senders, the watchers) shares the cores: its share is part of the picture
        pids.put("benchmark JVM (load generator)", ProcessHandle.current().pid());
        return new ResourceSampler(phase, pids, devstack.postgresPids());
    }

    private void sample() {
        pids.forEach((process, pid) -> {
            peakRss.merge(process, rss(pid), Math::max);
            Integer port = PORTS.get(process);
            if (port != null) {
                peakHeap.merge(process, heap(port), Math::max);
            }
        });
    }

    /** Stops sampling and returns the phase's figures. */
    public Phase finish() {
        timer.shutdownNow();
        sample();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        List<Usage> usage = new java.util.ArrayList<>();
        pids.forEach((process, pid) -> usage.add(new Usage(process, peakHeap.getOrDefault(process, -1L), peakRss.getOrDefault(process, -1L),
                (cpuTicks(pid) - cpuAtStart.get(process)) / (double) TICKS_PER_SECOND)));
        long postgres = postgresPids.stream().mapToLong(ResourceSampler::cpuTicks).sum();
        usage.add(new Usage("postgres (all server processes)", -1, -1,
                (postgres - cpuAtStart.get("postgres (all server processes)")) / (double) TICKS_PER_SECOND));
        long[] machine = machineTicks();
        long total = machine[0] - machineAtStart[0];
        long idle = machine[1] - machineAtStart[1];
        return new Phase(name, usage, total == 0 ? 0 : 1 - idle / (double) total, seconds);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private long heap(int port) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(2)).build();
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            List<String> heap = body.lines().filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                    .toList();
            return heap.isEmpty() ? -1 : heap.stream().mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static long rss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of the process, and of its children it waited for (Postgres' ended backends), in clock ticks. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** All ticks and idle (+ iowait) ticks of the machine. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            return new long[] {total, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
