package org.integrationhub.support.devstack;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** What a service does differently when the devstack launcher started it. */
@AutoConfiguration
@ConditionalOnProperty("hub.devstack.parent-pid")
public class DevstackAutoConfiguration {

    @Bean
    ParentProcessWatchdog parentProcessWatchdog(Environment environment, ConfigurableApplicationContext context) {
        return new ParentProcessWatchdog(environment.getRequiredProperty("hub.devstack.parent-pid", Long.class), context);
    }
}
