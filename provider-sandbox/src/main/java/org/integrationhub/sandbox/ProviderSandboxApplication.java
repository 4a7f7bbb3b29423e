package org.integrationhub.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Runs the sandbox standalone: {@code java -jar provider-sandbox-*-exec.jar} (port 8090). */
@SpringBootApplication
@EnableConfigurationProperties(SandboxSettings.class)
public class ProviderSandboxApplication {

    public static void main(String[] args) {
        ProviderSandbox.application().run(args);
    }

    static SpringApplication withOwnConfiguration(SpringApplication application) {
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "sandbox"));
        return application;
    }
}
