package org.integrationhub.connector;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** connector-service: connections to Jira, GitHub and Slack: OAuth flows and API tokens, encrypted credentials, sync-now. */
@SpringBootApplication
public class ConnectorServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConnectorServiceApplication.class, args);
    }
}
