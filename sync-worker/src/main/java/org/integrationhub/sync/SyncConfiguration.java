package org.integrationhub.sync;

import java.time.Clock;
import org.integrationhub.sync.fetch.FetchSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FetchSettings.class)
class SyncConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
