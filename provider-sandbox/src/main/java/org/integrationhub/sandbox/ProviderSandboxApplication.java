package org.integrationhub.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.autoconfigure.ReactorAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * Runs the sandbox standalone: {@code java -jar provider-sandbox-exec.jar} (port 8090).
 *
 * <p>It imports an explicit list of auto-configurations instead of all of them, because it is
 * also embedded in hub services' test JVMs, whose classpath carries R2DBC, Kafka, Flyway and the
 * hub's security: none of that may configure itself into the sandbox.
 */
@SpringBootConfiguration
@ComponentScan
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class, SslAutoConfiguration.class,
        ReactorAutoConfiguration.class, JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
        NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class,
        ErrorWebFluxAutoConfiguration.class, WebClientAutoConfiguration.class})
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
