package org.integrationhub.testsupport;

import java.util.concurrent.CompletableFuture;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Kafka (official apache/kafka image, KRaft) and Postgres in containers, when a Docker engine answers. */
final class ContainerInfrastructure implements Infrastructure {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String POSTGRES_IMAGE = "postgres:17-alpine";

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;

    private ContainerInfrastructure(KafkaContainer kafka, PostgreSQLContainer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static ContainerInfrastructure start() {
        var kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_MESSAGE_MAX_BYTES", "4194304")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        var postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withDatabaseName(EmbeddedInfrastructure.DATABASE)
                .withUsername(EmbeddedInfrastructure.USER)
                .withPassword(EmbeddedInfrastructure.PASSWORD)
                .withCommand("postgres", "-c", "max_connections=300");
        CompletableFuture.allOf(
                        CompletableFuture.runAsync(kafka::start), CompletableFuture.runAsync(postgres::start))
                .join();
        return new ContainerInfrastructure(kafka, postgres);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public PostgresEndpoint postgres() {
        return new PostgresEndpoint(postgres.getHost(), postgres.getMappedPort(5432),
                postgres.getDatabaseName(), postgres.getUsername(), postgres.getPassword());
    }

    @Override
    public String flavour() {
        return "testcontainers";
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }
}
