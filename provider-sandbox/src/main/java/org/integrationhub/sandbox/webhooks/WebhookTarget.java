package org.integrationhub.sandbox.webhooks;

import org.integrationhub.sandbox.oauth.Provider;

/**
 * Where a provider pushes its webhooks: {@code url}, signed with {@code secret}. {@code style} says
 * how: Jira {@code admin} (X-Hub-Signature with the secret) or {@code oauth} (a Bearer JWT, HS256
 * with the OAuth app's client secret); GitHub and Slack have one style each ({@code github},
 * {@code slack}). {@code filter} is provider-specific (a Jira JQL filter, a GitHub repo), may be null.
 */
public record WebhookTarget(String id, Provider provider, String url, String secret, String style, String filter) {

    @Override
    public String toString() {
        return "WebhookTarget[id=" + id + ", provider=" + provider + ", url=" + url + ", style=" + style + "]";
    }
}
