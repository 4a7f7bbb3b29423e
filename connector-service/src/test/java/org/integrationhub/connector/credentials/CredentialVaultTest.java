package org.integrationhub.connector.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.support.crypto.KeyRing;
import org.integrationhub.support.crypto.Sealed;
import org.integrationhub.support.crypto.SealedValueUnreadable;
import org.junit.jupiter.api.Test;

class CredentialVaultTest {

    private static final String TOKEN = "ATATT3xFfGF0-secret-api-token-Ünïcode";
    private static final KeyRing.Key OLD = key("2026-05");
    private static final KeyRing.Key NEW = key("2026-11");

    private static KeyRing.Key key(String id) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new KeyRing.Key(id, Base64.getEncoder().encodeToString(secret));
    }

    private static CredentialVault vault(String active, KeyRing.Key... keys) {
        return new CredentialVault(new CredentialKeySettings(active, List.of(keys)));
    }

    private final ConnectionId connection = ConnectionId.random();

    @Test
    void sealsAndOpensForTheSameConnection() {
        CredentialVault vault = vault(null, NEW);
        Sealed sealed = vault.seal(connection, TOKEN);
        assertThat(sealed.encode()).startsWith("v1:2026-11:");
        assertThat(vault.open(connection, Sealed.decode(sealed.encode()))).isEqualTo(TOKEN);
        assertThat(sealed.keyId()).isEqualTo("2026-11");
    }

    /** A value stored before the vault moved onto SecretBox: AES-256-GCM, nonce first, "connection:<id>" as associated data. */
    @Test
    void opensAValueStoredInTheOriginalFormat() throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(NEW.secret()), "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(("connection:" + connection).getBytes(StandardCharsets.UTF_8));
        byte[] ciphertext = cipher.doFinal(TOKEN.getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[nonce.length + ciphertext.length];
        System.arraycopy(nonce, 0, stored, 0, nonce.length);
        System.arraycopy(ciphertext, 0, stored, nonce.length, ciphertext.length);

        String encoded = "v1:2026-11:" + Base64.getEncoder().encodeToString(stored);
        assertThat(vault(null, NEW).open(connection, Sealed.decode(encoded))).isEqualTo(TOKEN);
    }

    @Test
    void storesNoPlaintextAndANewNonceEveryTime() {
        CredentialVault vault = vault(null, NEW);
        Sealed first = vault.seal(connection, TOKEN);
        Sealed second = vault.seal(connection, TOKEN);
        assertThat(first.encode()).doesNotContain(TOKEN).doesNotContain(Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(first.nonceAndCiphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("secret-api-token");
        assertThat(first).isNotEqualTo(second);
        assertThat(java.util.Arrays.copyOf(first.nonceAndCiphertext(), 12)).as("nonce")
                .isNotEqualTo(java.util.Arrays.copyOf(second.nonceAndCiphertext(), 12));
        assertThat(first.toString()).doesNotContain(first.encode().substring(10));
    }

    @Test
    void aCiphertextMovedToAnotherConnectionDoesNotOpen() {
        CredentialVault vault = vault(null, NEW);
        Sealed sealed = vault.seal(connection, TOKEN);
        assertThatThrownBy(() -> vault.open(ConnectionId.random(), sealed)).isInstanceOf(SealedValueUnreadable.class)
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void anAlteredCiphertextDoesNotOpen() {
        CredentialVault vault = vault(null, NEW);
        byte[] bytes = vault.seal(connection, TOKEN).nonceAndCiphertext();
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> vault.open(connection, new Sealed("2026-11", bytes))).isInstanceOf(SealedValueUnreadable.class);
    }

    @Test
    void rotationResealsUnderTheActiveKeyAfterWhichTheOldKeyCanGo() {
        Sealed underOld = vault("2026-05", OLD).seal(connection, TOKEN);

        CredentialVault both = vault("2026-11", OLD, NEW);
        assertThat(both.open(connection, underOld)).as("old values still open during rotation").isEqualTo(TOKEN);
        assertThat(both.needsResealing(underOld)).isTrue();
        Sealed resealed = both.reseal(connection, underOld);
        assertThat(resealed.keyId()).isEqualTo("2026-11");
        assertThat(both.needsResealing(resealed)).isFalse();

        CredentialVault withoutOld = vault("2026-11", NEW);
        assertThat(withoutOld.open(connection, resealed)).isEqualTo(TOKEN);
        assertThatThrownBy(() -> withoutOld.open(connection, underOld)).isInstanceOf(SealedValueUnreadable.class)
                .hasMessageContaining("2026-05");
    }

    @Test
    void refusesToStartWithoutAUsableKey() {
        assertThatThrownBy(() -> new CredentialVault(new CredentialKeySettings(null, List.of())))
                .hasMessageContaining("No credential encryption key is configured")
                .hasMessageContaining("HUB_CONNECTOR_CREDENTIALS_KEYS_0_SECRET");
        assertThatThrownBy(() -> vault(null, new KeyRing.Key("short", Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> vault(null, new KeyRing.Key("bad", "not base64!"))).hasMessageContaining("not base64");
        assertThatThrownBy(() -> vault(null, new KeyRing.Key("a:b", NEW.secret()))).hasMessageContaining("without ':'");
        assertThatThrownBy(() -> vault(null, NEW, NEW)).hasMessageContaining("configured twice");
        assertThatThrownBy(() -> vault("missing", NEW)).hasMessageContaining("missing");
    }

    @Test
    void refusesSomethingThatIsNotASealedCredential() {
        assertThatThrownBy(() -> Sealed.decode(TOKEN)).isInstanceOf(SealedValueUnreadable.class)
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void keySettingsNeverPrintTheSecret() {
        assertThat(NEW.toString()).doesNotContain(NEW.secret());
        assertThat(new CredentialKeySettings(null, List.of(NEW)).toString()).doesNotContain(NEW.secret());
    }
}
