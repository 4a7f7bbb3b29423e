package org.integrationhub.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An in-JVM KRaft broker (spring-kafka-test) and an embedded Postgres (zonky), for machines
 * without a Docker engine. Both start in parallel. The KRaft test kit always listens on a free
 * port of its choosing; Postgres takes the port asked for, 0 meaning "pick a free one".
 */
public final class EmbeddedInfrastructure implements Infrastructure {

    static final String DATABASE = "hub";
    static final String USER = "hub";
    static final String PASSWORD = "hub";

    private final EmbeddedKafkaKraftBroker kafka;
    private final EmbeddedPostgres postgres;

    private EmbeddedInfrastructure(EmbeddedKafkaKraftBroker kafka, EmbeddedPostgres postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    public static EmbeddedInfrastructure start(int postgresPort) {
        var kafka = CompletableFuture.supplyAsync(EmbeddedInfrastructure::startKafka);
        var postgres = CompletableFuture.supplyAsync(() -> startPostgres(postgresPort));
        return new EmbeddedInfrastructure(kafka.join(), postgres.join());
    }

    private static EmbeddedKafkaKraftBroker startKafka() {
        var broker = new EmbeddedKafkaKraftBroker(1, 1);
        // The largest webhook body (1 MB by default) plus envelope overhead must fit one record.
        broker.brokerProperties(Map.of(
                "message.max.bytes", "4194304",
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return broker;
    }

    private static EmbeddedPostgres startPostgres(int port) {
        try {
            var builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "300");
            if (port > 0) {
                builder.setPort(port);
            }
            var postgres = builder.start();
            createHubDatabase(postgres);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Postgres did not start", e);
        }
    }

    private static void createHubDatabase(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the hub database in embedded Postgres", e);
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public PostgresEndpoint postgres() {
        return new PostgresEndpoint("localhost", postgres.getPort(), DATABASE, USER, PASSWORD);
    }

    @Override
    public String flavour() {
        return "embedded";
    }

    @Override
    public void close() {
        kafka.destroy();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Postgres did not stop cleanly", e);
        }
    }
}
