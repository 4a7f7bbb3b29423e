package org.integrationhub.connector.connections;

import java.time.Clock;
import org.integrationhub.connector.oauth.OAuthSettings;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.connector.PeriodicPass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@code hub.connector.oauth.refresh-tick} refreshes the OAuth connections whose access
 * token expires within the refresh margin, one at a time, through {@link OAuthCredentials#refresh}
 * (so with several instances each token is still refreshed once: the row lock decides, and whoever
 * comes second finds it fresh); then registers or refreshes the dynamic Jira webhooks that are due
 * ({@link JiraWebhookRegistrations}).
 */
@Component
class OAuthRefreshScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OAuthRefreshScheduler.class);

    private final OAuthConnectionRepository repository;
    private final OAuthCredentials credentials;
    private final JiraWebhookRegistrations webhooks;
    private final OAuthSettings settings;
    private final Clock clock;
    private final PeriodicPass pass;

    OAuthRefreshScheduler(OAuthConnectionRepository repository, OAuthCredentials credentials, JiraWebhookRegistrations webhooks,
            OAuthSettings settings, Clock clock) {
        this.repository = repository;
        this.credentials = credentials;
        this.webhooks = webhooks;
        this.settings = settings;
        this.clock = clock;
        this.pass = new PeriodicPass("Token refresh pass", settings.refreshTick(), settings.refreshTick(),
                () -> refreshExpiring().count().then(webhooks.ensureDue().count()));
    }

    /** One pass: emits each connection it refreshed (or found refreshed); failures are recorded on the connection. */
    Flux<ConnectionId> refreshExpiring() {
        return repository.expiringBefore(clock.instant().plus(settings.refreshMargin()))
                .concatMap(id -> credentials.refresh(id).thenReturn(id).onErrorResume(failure -> {
                    log.info("Scheduled refresh of connection {} did not succeed: {}", id, failure.getClass().getSimpleName());
                    return Mono.empty();
                }));
    }

    @Override
    public void start() {
        pass.start();
    }

    @Override
    public void stop() {
        pass.stop();
    }

    @Override
    public boolean isRunning() {
        return pass.isRunning();
    }
}
