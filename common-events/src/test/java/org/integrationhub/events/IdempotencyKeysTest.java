package org.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    private static final ConnectionId CONNECTION = EventFixtures.CONNECTION;
    private static final Instant UPDATED = Instant.parse("2026-11-22T10:15:30.123Z");

    @Test
    void givesTheSamePollKeyForTheSameVersion() {
        assertThat(IdempotencyKeys.polledItem(CONNECTION, "OPS-42", UPDATED))
                .isEqualTo(IdempotencyKeys.polledItem(CONNECTION, "OPS-42", Instant.parse("2026-11-22T10:15:30.123Z")))
                .isEqualTo("poll:7c9e6679-7425-40de-944b-e07fc1f90ae7:OPS-42:1795342530123");
    }

    @Test
    void givesANewPollKeyWhenTheItemChanged() {
        assertThat(IdempotencyKeys.polledItem(CONNECTION, "OPS-42", UPDATED))
                .isNotEqualTo(IdempotencyKeys.polledItem(CONNECTION, "OPS-42", UPDATED.plusMillis(1)));
    }

    @Test
    void keysWebhooksByDeliveryId() {
        assertThat(IdempotencyKeys.webhook(ExternalSystem.GITHUB, CONNECTION, "delivery-1", bytes("a")))
                .isEqualTo("webhook:github:7c9e6679-7425-40de-944b-e07fc1f90ae7:delivery-1")
                .isEqualTo(IdempotencyKeys.webhook(ExternalSystem.GITHUB, CONNECTION, "delivery-1", bytes("b")));
    }

    @Test
    void fallsBackToBodyHashWhenDeliveryIdIsBlank() {
        String expected = IdempotencyKeys.webhookContent(ExternalSystem.JIRA, CONNECTION, bytes("abc"));

        assertThat(IdempotencyKeys.webhook(ExternalSystem.JIRA, CONNECTION, " ", bytes("abc"))).isEqualTo(expected);
        assertThat(IdempotencyKeys.webhook(ExternalSystem.JIRA, CONNECTION, null, bytes("abc"))).isEqualTo(expected);
        assertThat(IdempotencyKeys.webhook(ExternalSystem.JIRA, CONNECTION, null, bytes("abd"))).isNotEqualTo(expected);
    }

    @Test
    void hashesTheBodyAsLowerCaseSha256Hex() {
        // FIPS 180-2 test vector for "abc"
        assertThat(IdempotencyKeys.webhookContent(ExternalSystem.SLACK, CONNECTION, bytes("abc")))
                .isEqualTo("webhook:slack:7c9e6679-7425-40de-944b-e07fc1f90ae7:sha256:"
                        + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void explainsWhatIsMissing() {
        assertThatThrownBy(() -> IdempotencyKeys.polledItem(null, "OPS-42", UPDATED))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("connectionId");
        assertThatThrownBy(() -> IdempotencyKeys.polledItem(CONNECTION, "OPS-42", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("sourceUpdatedAt");
        assertThatThrownBy(() -> IdempotencyKeys.webhook(ExternalSystem.GITHUB, CONNECTION, "", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("body");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
