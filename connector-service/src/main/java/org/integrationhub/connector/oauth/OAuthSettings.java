package org.integrationhub.connector.oauth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OAuth provider catalogue and the flow's timings ({@code hub.connector.oauth.*}). A provider
 * is data: its URLs, scopes, PKCE, extra authorize parameters, token request headers, the shape of
 * its token answers and how its refresh tokens behave; {@code family} names the few protocol
 * deviations that need code (how the external identity is read). A provider without a client id
 * is not offered.
 */
@ConfigurationProperties("hub.connector.oauth")
public record OAuthSettings(String uiRedirectUrl, Duration stateLifetime, Duration refreshMargin, Duration refreshTick,
        Duration timeout, Map<String, Provider> providers, JiraWebhooks jiraWebhooks) {

    public OAuthSettings {
        uiRedirectUrl = uiRedirectUrl == null ? "http://localhost:8080/ui/integrations" : uiRedirectUrl;
        stateLifetime = stateLifetime == null ? Duration.ofMinutes(10) : stateLifetime;
        refreshMargin = refreshMargin == null ? Duration.ofMinutes(5) : refreshMargin;
        refreshTick = refreshTick == null ? Duration.ofMinutes(1) : refreshTick;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        providers = providers == null ? Map.of() : Map.copyOf(providers);
        jiraWebhooks = jiraWebhooks == null ? new JiraWebhooks(null, null, null, null) : jiraWebhooks;
    }

    /**
     * Dynamic webhooks for OAuth Jira connections ({@code jira-webhooks.*}): registered at Jira
     * with {@code urlTemplate} ({@code {connectionId}} filled in; webhook-ingest's public
     * {@code /webhooks/jira/{connectionId}}; none: nothing is registered), the {@code events}, a JQL
     * filter (the connection's projects, else {@code defaultJqlFilter}: Jira requires one), and
     * refreshed when they expire within {@code refreshBefore} (they live 30 days).
     */
    public record JiraWebhooks(String urlTemplate, List<String> events, String defaultJqlFilter, Duration refreshBefore) {

        public JiraWebhooks {
            events = events == null || events.isEmpty()
                    ? List.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted") : List.copyOf(events);
            defaultJqlFilter = defaultJqlFilter == null ? "project != HUB_NO_SUCH_PROJECT" : defaultJqlFilter;
            refreshBefore = refreshBefore == null ? Duration.ofDays(5) : refreshBefore;
        }

        public boolean enabled() {
            return urlTemplate != null && !urlTemplate.isBlank();
        }
    }

    /** How a provider answers the token endpoint: RFC 6749 JSON (errors as {@code error}), or Slack's {@code ok}/{@code error}. */
    public enum TokenResponseFormat { OAUTH2, SLACK }

    /** How the token request's fields travel: RFC 6749's form encoding, or one JSON object (Atlassian documents JSON). */
    public enum TokenRequestBody { FORM, JSON }

    /** What a refresh does: rotates the refresh token (use exactly once), keeps it, or there is none. */
    public enum RefreshBehaviour { ROTATING, REUSABLE, NONE }

    /**
     * How a disconnect ends the grant at the provider: not at all (Atlassian documents no revocation
     * for 3LO apps), GitHub's {@code DELETE /applications/{clientId}/grant}, Slack's
     * {@code auth.revoke}, or RFC 7009 token revocation (Google, Dropbox later).
     */
    public enum Revocation { NONE, GITHUB_GRANT, SLACK_AUTH_REVOKE, RFC7009 }

    /**
     * One provider. {@code system}: the connection type it creates (jira, confluence, github,
     * slack); {@code family}: atlassian, github or slack (identity lookup); {@code redirectUri}: the
     * exact callback URL registered with the provider; {@code revokedErrors}: the error codes that
     * mean the grant is dead (the connection turns revoked); {@code revocation} and
     * {@code revocationUri} (may name {@code {clientId}}): how a disconnect ends the grant; {@code name}: what
     * people call it ("GitHub", on the Connect button; {@code system} when not set).
     */
    public record Provider(String system, String family, String clientId, String clientSecret, String authorizationUri,
            String tokenUri, String apiBaseUrl, String redirectUri, List<String> scopes, boolean pkce,
            Map<String, String> authorizeParameters, Map<String, String> tokenRequestHeaders, TokenRequestBody tokenRequestBody,
            TokenResponseFormat tokenResponse,
            RefreshBehaviour refresh, List<String> revokedErrors, Revocation revocation, String revocationUri, String name) {

        public Provider {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            authorizeParameters = authorizeParameters == null ? Map.of() : Map.copyOf(authorizeParameters);
            tokenRequestHeaders = tokenRequestHeaders == null ? Map.of() : Map.copyOf(tokenRequestHeaders);
            tokenRequestBody = tokenRequestBody == null ? TokenRequestBody.FORM : tokenRequestBody;
            tokenResponse = tokenResponse == null ? TokenResponseFormat.OAUTH2 : tokenResponse;
            refresh = refresh == null ? RefreshBehaviour.NONE : refresh;
            revokedErrors = revokedErrors == null ? List.of("invalid_grant") : List.copyOf(revokedErrors);
            revocation = revocation == null || revocationUri == null ? Revocation.NONE : revocation;
            name = name == null || name.isBlank() ? system : name;
        }

        public boolean configured() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }

        @Override
        public String toString() {
            return "Provider[system=" + system + ", clientId=" + clientId + "]";
        }
    }
}
