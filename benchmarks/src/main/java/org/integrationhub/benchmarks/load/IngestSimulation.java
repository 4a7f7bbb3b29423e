package org.integrationhub.benchmarks.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Signed Jira webhooks at a series of open-model arrival rates ({@code constantUsersPerSec}: new
 * requests arrive on schedule whatever the server's answers, so a slow server cannot slow the load
 * down and hide its latency). One request name per target and rate ({@code ours@400},
 * {@code bare@400}) keeps each level's statistics apart; each answer's status and Gatling's response
 * time go to {@link GatlingStats}. Configured through system properties, set by
 * {@link IngestScenario}: {@code bench.ingest.targets} ({@code name=url;…}), {@code .rates},
 * {@code .seconds}, {@code .warmup}, {@code .secret}, {@code .connection}.
 */
public class IngestSimulation extends Simulation {

    private static final int DISTINCT_BODIES = 1000;
    private static final java.time.Duration PAUSE = java.time.Duration.ofSeconds(3);

    public IngestSimulation() {
        String secret = System.getProperty("bench.ingest.secret");
        String connection = System.getProperty("bench.ingest.connection");
        int seconds = Integer.getInteger("bench.ingest.seconds");
        int warmup = Integer.getInteger("bench.ingest.warmup");
        int[] rates = Arrays.stream(System.getProperty("bench.ingest.rates").split(",")).mapToInt(Integer::parseInt).toArray();
        List<Map<String, Object>> signed = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < DISTINCT_BODIES; i++) {
            String body = JiraDeliveries.commentCreated(1_000_000 + i, now);
            signed.add(Map.of("body", body, "signature", JiraDeliveries.signature(secret, body)));
        }
        PopulationBuilder chain = null;
        for (String target : System.getProperty("bench.ingest.targets").split(";")) {
            String name = target.substring(0, target.indexOf('='));
            HttpProtocolBuilder protocol = http.baseUrl(target.substring(target.indexOf('=') + 1)).shareConnections()
                    .contentTypeHeader("application/json").disableCaching();
            String path = "/webhooks/jira/" + connection;
            PopulationBuilder step = level(name + "-warmup", path, signed)
                    .injectOpen(rampUsersPerSec(1).to(rates[0]).during(warmup)).protocols(protocol);
            chain = chain == null ? step : chain.andThen(step);
            for (int rate : rates) {
                // a short pause first, so a backlog the previous level left behind does not count against this one
                chain = chain.andThen(level(name + "@" + rate, path, signed).injectOpen(nothingFor(PAUSE),
                        constantUsersPerSec(rate).during(seconds)).protocols(protocol));
            }
        }
        setUp(chain);
    }

    private static ScenarioBuilder level(String name, String path, List<Map<String, Object>> signed) {
        return scenario(name).feed(circular(signed)).exec(http(name).post(path)
                        .header(JiraDeliveries.SIGNATURE_HEADER, "#{signature}")
                        .header(JiraDeliveries.DELIVERY_HEADER, session -> UUID.randomUUID().toString())
                        .body(StringBody("#{body}")).check(status().saveAs("status"), responseTimeInMillis().saveAs("millis")))
                .exec(session -> {
                    boolean ok = session.contains("status") && session.getInt("status") == 200;
                    GatlingStats.record(name, ok, session.contains("millis") ? Long.valueOf(session.getLong("millis")) : null);
                    return session;
                });
    }

    private static Iterator<Map<String, Object>> circular(List<Map<String, Object>> records) {
        return Stream.generate(() -> records).flatMap(List::stream).iterator();
    }
}
