package org.integrationhub.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.SealedSecret;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class WebhookSecretSealTest {

    private static final String SECRET = "It's a Secret to Everybody";

    private final ConnectionId connection = ConnectionId.random();

    private static KeyRing.Key key(String id) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new KeyRing.Key(id, Base64.getEncoder().encodeToString(secret));
    }

    private static WebhookSecretSeal seal(String active, KeyRing.Key... keys) {
        return new WebhookSecretSeal(new KeyRing(active, List.of(keys)));
    }

    @Test
    void opensWhatItSealedForTheSameConnectionAndNeverShowsThePlaintext() {
        WebhookSecretSeal seal = seal(null, key("2026-11"));
        SealedSecret sealed = seal.seal(connection, SECRET);

        assertThat(seal.open(connection, sealed)).isEqualTo(SECRET);
        assertThat(sealed.keyId()).isEqualTo("2026-11");
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()))).doesNotContain("Secret");
        assertThat(sealed.toString()).doesNotContain(sealed.ciphertext());
        assertThat(seal.seal(connection, SECRET).ciphertext()).as("a fresh nonce every time").isNotEqualTo(sealed.ciphertext());
    }

    @Test
    void aSecretCopiedOntoAnotherConnectionDoesNotOpen() {
        WebhookSecretSeal seal = seal(null, key("k1"));
        SealedSecret sealed = seal.seal(connection, SECRET);

        assertThatThrownBy(() -> seal.open(ConnectionId.random(), sealed))
                .isInstanceOf(SealedValueUnreadable.class).hasMessageNotContaining(SECRET);
    }

    @Test
    void anotherKeyRingOrAnAlteredValueDoesNotOpen() {
        KeyRing.Key k1 = key("k1");
        SealedSecret sealed = seal(null, k1).seal(connection, SECRET);

        assertThatThrownBy(() -> seal(null, key("k1")).open(connection, sealed)).isInstanceOf(SealedValueUnreadable.class);
        assertThatThrownBy(() -> seal(null, key("k2")).open(connection, sealed))
                .isInstanceOf(SealedValueUnreadable.class).hasMessageContaining("key k1 is not configured");
        byte[] altered = Base64.getDecoder().decode(sealed.ciphertext());
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> seal(null, k1).open(connection, new SealedSecret("k1", Base64.getEncoder().encodeToString(altered))))
                .isInstanceOf(SealedValueUnreadable.class);
        assertThatThrownBy(() -> seal(null, k1).open(connection, new SealedSecret("k1", "not base64!")))
                .isInstanceOf(SealedValueUnreadable.class);
    }

    @Test
    void valuesSealedUnderAnOlderKeyStillOpenWhileTheRingRotates() {
        KeyRing.Key old = key("2026-05");
        KeyRing.Key current = key("2026-11");
        SealedSecret sealedUnderOld = seal(null, old).seal(connection, SECRET);

        WebhookSecretSeal rotated = seal("2026-11", old, current);
        assertThat(rotated.open(connection, sealedUnderOld)).isEqualTo(SECRET);
        assertThat(rotated.seal(connection, SECRET).keyId()).isEqualTo("2026-11").isEqualTo(rotated.activeKeyId());
    }

    @Test
    void bindsItsKeysFromTheEnvironmentAndSaysHowWhenThereAreNone() {
        KeyRing.Key k = key("dev");
        MockEnvironment environment = new MockEnvironment()
                .withProperty("hub.webhooks.sealing.keys[0].id", k.id())
                .withProperty("hub.webhooks.sealing.keys[0].secret", k.secret());
        WebhookSecretSeal seal = WebhookSecretSeal.from(environment);
        assertThat(seal.open(connection, seal.seal(connection, SECRET))).isEqualTo(SECRET);

        assertThatThrownBy(() -> WebhookSecretSeal.from(new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HUB_WEBHOOKS_SEALING_KEYS_0_SECRET");
        assertThatThrownBy(() -> seal(null, new KeyRing.Key("short", "c2hvcnQ=")))
                .hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> seal("missing", key("k1"))).hasMessageContaining("missing is not configured");
    }
}
