package dev.perpflow.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(MasterKey.parse(MasterKey.generate()));

    @Test
    void roundTripsWithAFreshNoncePerValue() {
        String first = box.encrypt("my-secret", "credentials:1:aster");
        String second = box.encrypt("my-secret", "credentials:1:aster");

        assertThat(first).startsWith("v1:").doesNotContain("my-secret").isNotEqualTo(second);
        assertThat(box.decrypt(first, "credentials:1:aster")).isEqualTo("my-secret");
        assertThat(box.decrypt(second, "credentials:1:aster")).isEqualTo("my-secret");
    }

    @Test
    void tamperedCiphertextIsDetectedNotHalfDecrypted() {
        String stored = box.encrypt("my-secret", "ctx");
        byte[] bytes = Base64.getUrlDecoder().decode(stored.substring(3));
        bytes[bytes.length - 20] ^= 1;
        String tampered = "v1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> box.decrypt(tampered, "ctx")).isInstanceOf(SecretBox.DecryptionException.class)
                .hasMessageContaining("authentication failed").hasMessageNotContaining("my-secret");
    }

    @Test
    void wrongKeyIsDetected() {
        String stored = box.encrypt("my-secret", "ctx");
        SecretBox other = new SecretBox(MasterKey.parse(MasterKey.generate()));

        assertThatThrownBy(() -> other.decrypt(stored, "ctx")).isInstanceOf(SecretBox.DecryptionException.class)
                .hasMessageContaining("wrong master key");
    }

    @Test
    void aValueMovedToAnotherRowDoesNotDecrypt() {
        String stored = box.encrypt("alice-secret", "credentials:1:aster");

        assertThatThrownBy(() -> box.decrypt(stored, "credentials:2:aster"))
                .isInstanceOf(SecretBox.DecryptionException.class);
    }

    @Test
    void malformedStoredValuesAreReportedClearly() {
        assertThatThrownBy(() -> box.decrypt("plaintext", "ctx")).hasMessageContaining("known format");
        assertThatThrownBy(() -> box.decrypt("v1:!!!", "ctx")).hasMessageContaining("base64");
        assertThatThrownBy(() -> box.decrypt("v1:AAAA", "ctx")).hasMessageContaining("truncated");
    }

    @Test
    void masterKeyFormatIsCheckedWithoutEchoingTheValue() {
        assertThat(MasterKey.generate()).hasSize(44);
        assertThatThrownBy(() -> MasterKey.parse("")).hasMessageContaining("PERPFLOW_MASTER_KEY");
        assertThatThrownBy(() -> MasterKey.parse("not base64 at all!")).hasMessageContaining("not base64")
                .hasMessageNotContaining("at all");
        assertThatThrownBy(() -> MasterKey.parse(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("16 bytes");
        assertThat(MasterKey.parse(MasterKey.generate()).toString()).isEqualTo("MasterKey[***]");
    }
}
