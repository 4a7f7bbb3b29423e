package org.integrationhub.connector;

import java.time.Clock;
import org.integrationhub.connector.credentials.CredentialKeySettings;
import org.integrationhub.connector.credentials.CredentialVault;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** connector-service wiring: the clock and the credential vault (which refuses to start without a key). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CredentialKeySettings.class)
class ConnectorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CredentialVault credentialVault(CredentialKeySettings settings) {
        return new CredentialVault(settings);
    }
}
