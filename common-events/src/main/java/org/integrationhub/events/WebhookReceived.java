package org.integrationhub.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One verified webhook delivery, kept raw so it can be normalised (and re-normalised on replay).
 * {@code deliveryId}, {@code providerEventType} and {@code contentType} are nullable; {@code headers}
 * holds only the headers that matter, names lower-cased; {@code body} is the raw bytes (base64 in JSON).
 * {@link #toString()} never prints the body or header values: webhooks are sensitive.
 */
public record WebhookReceived(
        ConnectionId connectionId,
        ExternalSystem provider,
        String deliveryId,
        String providerEventType,
        Map<String, String> headers,
        String contentType,
        byte[] body,
        Instant receivedAt) {

    public WebhookReceived {
        Objects.requireNonNull(connectionId, "connectionId is required");
        Objects.requireNonNull(provider, "provider is required");
        Objects.requireNonNull(body, "body is required (it may be empty)");
        Objects.requireNonNull(receivedAt, "receivedAt is required");
        headers = lowerCaseSorted(headers);
        body = body.clone();
    }

    /** A copy of the raw body; the record itself stays immutable. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookReceived that
                && connectionId.equals(that.connectionId)
                && provider == that.provider
                && Objects.equals(deliveryId, that.deliveryId)
                && Objects.equals(providerEventType, that.providerEventType)
                && headers.equals(that.headers)
                && Objects.equals(contentType, that.contentType)
                && Arrays.equals(body, that.body)
                && receivedAt.equals(that.receivedAt);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(connectionId, provider, deliveryId, providerEventType, headers, contentType, receivedAt)
                + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "WebhookReceived[connectionId=" + connectionId + ", provider=" + provider.wireName()
                + ", deliveryId=" + deliveryId + ", providerEventType=" + providerEventType
                + ", headers=" + headers.size() + " entries, contentType=" + contentType
                + ", body=" + body.length + " bytes, receivedAt=" + receivedAt + "]";
    }

    private static Map<String, String> lowerCaseSorted(Map<String, String> headers) {
        TreeMap<String, String> copy = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                Objects.requireNonNull(name, "header names must not be null");
                Objects.requireNonNull(value, () -> "header '" + name + "' has a null value");
                if (copy.put(name.toLowerCase(Locale.ROOT), value) != null) {
                    throw new IllegalArgumentException("header '" + name + "' appears twice (names are case-insensitive)");
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }
}
