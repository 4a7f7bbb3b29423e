package org.integrationhub.testsupport;

/** A running Kafka broker and Postgres server that services and tests connect to. */
public interface Infrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    PostgresEndpoint postgres();

    /** Human-readable name of the flavour, for logs: "embedded" or "testcontainers". */
    String flavour();

    @Override
    void close();
}
