package org.integrationhub.events;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/** Builds the idempotency keys consumers de-duplicate on; the same input always gives the same key. */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    /** "poll:{connectionId}:{externalId}:{sourceUpdatedAt epoch millis}" — one version of one polled item. */
    public static String polledItem(ConnectionId connectionId, String externalId, Instant sourceUpdatedAt) {
        Objects.requireNonNull(connectionId, "connectionId is required for a poll idempotency key");
        requireText(externalId, "externalId is required for a poll idempotency key");
        Objects.requireNonNull(sourceUpdatedAt, "sourceUpdatedAt is required for a poll idempotency key");
        return "poll:" + connectionId + ":" + externalId + ":" + sourceUpdatedAt.toEpochMilli();
    }

    /**
     * "webhook:{provider}:{connectionId}:{deliveryId}", or the {@link #webhookContent content form}
     * when the provider sent no delivery id (null or blank); {@code body} is only needed then.
     */
    public static String webhook(ExternalSystem provider, ConnectionId connectionId, String deliveryId, byte[] body) {
        Objects.requireNonNull(provider, "provider is required for a webhook idempotency key");
        Objects.requireNonNull(connectionId, "connectionId is required for a webhook idempotency key");
        if (deliveryId == null || deliveryId.isBlank()) {
            Objects.requireNonNull(body, "body is required for a webhook idempotency key when deliveryId is blank");
            return webhookContent(provider, connectionId, body);
        }
        return "webhook:" + provider.wireName() + ":" + connectionId + ":" + deliveryId;
    }

    /** "webhook:{provider}:{connectionId}:sha256:{lower-case hex SHA-256 of body}". */
    public static String webhookContent(ExternalSystem provider, ConnectionId connectionId, byte[] body) {
        Objects.requireNonNull(provider, "provider is required for a webhook idempotency key");
        Objects.requireNonNull(connectionId, "connectionId is required for a webhook idempotency key");
        Objects.requireNonNull(body, "body is required for a webhook content idempotency key");
        return "webhook:" + provider.wireName() + ":" + connectionId + ":sha256:" + sha256Hex(body);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }
}
