package org.integrationhub.connector;

import java.time.Clock;
import org.integrationhub.connector.credentials.CredentialKeySettings;
import org.integrationhub.connector.credentials.CredentialVault;
import org.integrationhub.connector.oauth.OAuthSettings;
import org.integrationhub.support.security.HubSecurityCustomizer;
import org.integrationhub.support.crypto.WebhookSecretSeal;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;

/**
 * connector-service wiring: the clock, the credential vault and the webhook secret seal (each
 * refuses to start without its key: {@code hub.connector.credentials.*} and
 * {@code hub.webhooks.sealing.*}), and the OAuth callback opened to browsers without a hub token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CredentialKeySettings.class, OAuthSettings.class})
class ConnectorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CredentialVault credentialVault(CredentialKeySettings settings) {
        return new CredentialVault(settings);
    }

    /** Seals webhook secrets for {@code integration.connections}; its key ring is shared with webhook-ingest only. */
    @Bean
    WebhookSecretSeal webhookSecretSeal(Environment environment) {
        return WebhookSecretSeal.from(environment);
    }

    /** The browser comes back from the provider without a hub token; the single-use state stands in for it. */
    @Bean
    HubSecurityCustomizer openOAuthCallback() {
        return exchanges -> exchanges.pathMatchers(HttpMethod.GET, "/api/oauth/callback/*").permitAll();
    }
}
