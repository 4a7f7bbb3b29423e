package org.integrationhub.sandbox.webhooks;

import java.util.Map;
import java.util.function.IntFunction;
import org.integrationhub.sandbox.oauth.Provider;

/**
 * One webhook to push: the body and headers of the first attempt, how many retries the provider
 * makes, and the extra headers of retry {@code n} (for example {@code X-Atlassian-Webhook-Retry: n}).
 */
public record WebhookDelivery(Provider provider, String deliveryId, String url, String contentType, Map<String, String> headers,
        byte[] body, int maxRetries, IntFunction<Map<String, String>> retryHeaders) {

    @Override
    public String toString() {
        return "WebhookDelivery[" + provider + " " + deliveryId + " -> " + url + "]";
    }
}
