package org.integrationhub.mapping;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MappingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
