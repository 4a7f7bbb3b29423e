package org.integrationhub.connector.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.integrationhub.events.ConnectionId;
import org.junit.jupiter.api.Test;

class CredentialVaultTest {

    private static final String TOKEN = "ATATT3xFfGF0-secret-api-token-Ünïcode";
    private static final CredentialKeySettings.Key OLD = key("2026-05");
    private static final CredentialKeySettings.Key NEW = key("2026-11");

    private static CredentialKeySettings.Key key(String id) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new CredentialKeySettings.Key(id, Base64.getEncoder().encodeToString(secret));
    }

    private static CredentialVault vault(String active, CredentialKeySettings.Key... keys) {
        return new CredentialVault(new CredentialKeySettings(active, List.of(keys)));
    }

    private final ConnectionId connection = ConnectionId.random();

    @Test
    void sealsAndOpensForTheSameConnection() {
        CredentialVault vault = vault(null, NEW);
        SealedCredential sealed = vault.seal(connection, TOKEN);
        assertThat(vault.open(connection, SealedCredential.decode(sealed.encode()))).isEqualTo(TOKEN);
        assertThat(sealed.keyId()).isEqualTo("2026-11");
    }

    @Test
    void storesNoPlaintextAndANewNonceEveryTime() {
        CredentialVault vault = vault(null, NEW);
        SealedCredential first = vault.seal(connection, TOKEN);
        SealedCredential second = vault.seal(connection, TOKEN);
        assertThat(first.encode()).doesNotContain(TOKEN).doesNotContain(Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(first.nonceAndCiphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("secret-api-token");
        assertThat(first).isNotEqualTo(second);
        assertThat(first.toString()).doesNotContain(first.encode().substring(10));
    }

    @Test
    void aCiphertextMovedToAnotherConnectionDoesNotOpen() {
        CredentialVault vault = vault(null, NEW);
        SealedCredential sealed = vault.seal(connection, TOKEN);
        assertThatThrownBy(() -> vault.open(ConnectionId.random(), sealed)).isInstanceOf(CredentialUnreadable.class)
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void anAlteredCiphertextDoesNotOpen() {
        CredentialVault vault = vault(null, NEW);
        byte[] bytes = vault.seal(connection, TOKEN).nonceAndCiphertext();
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> vault.open(connection, new SealedCredential("2026-11", bytes))).isInstanceOf(CredentialUnreadable.class);
    }

    @Test
    void rotationResealsUnderTheActiveKeyAfterWhichTheOldKeyCanGo() {
        SealedCredential underOld = vault("2026-05", OLD).seal(connection, TOKEN);

        CredentialVault both = vault("2026-11", OLD, NEW);
        assertThat(both.open(connection, underOld)).as("old values still open during rotation").isEqualTo(TOKEN);
        assertThat(both.needsResealing(underOld)).isTrue();
        SealedCredential resealed = both.reseal(connection, underOld);
        assertThat(resealed.keyId()).isEqualTo("2026-11");
        assertThat(both.needsResealing(resealed)).isFalse();

        CredentialVault withoutOld = vault("2026-11", NEW);
        assertThat(withoutOld.open(connection, resealed)).isEqualTo(TOKEN);
        assertThatThrownBy(() -> withoutOld.open(connection, underOld)).isInstanceOf(CredentialUnreadable.class)
                .hasMessageContaining("2026-05");
    }

    @Test
    void refusesToStartWithoutAUsableKey() {
        assertThatThrownBy(() -> new CredentialVault(new CredentialKeySettings(null, List.of())))
                .hasMessageContaining("HUB_CONNECTOR_CREDENTIALS_KEYS_0_SECRET");
        assertThatThrownBy(() -> vault(null, new CredentialKeySettings.Key("short", Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> vault("missing", NEW)).hasMessageContaining("missing");
    }

    @Test
    void refusesSomethingThatIsNotASealedCredential() {
        assertThatThrownBy(() -> SealedCredential.decode(TOKEN)).isInstanceOf(CredentialUnreadable.class)
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void keySettingsNeverPrintTheSecret() {
        assertThat(NEW.toString()).doesNotContain(NEW.secret());
    }
}
