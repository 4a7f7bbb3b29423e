package org.integrationhub.mapping;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** mapping-service: maps external users (Jira/GitHub/Slack accounts) to internal resources. */
@SpringBootApplication
public class MappingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MappingServiceApplication.class, args);
    }
}
