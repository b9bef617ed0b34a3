package dev.perpflow.component.aster;

import dev.perpflow.component.aster.client.AsterSigner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.crypto.EthSignature;
import org.junit.jupiter.api.Test;

/** Aster's V3 demo credentials ("Example of POST /fapi/v3/order", asterdex/api-docs V3 futures doc). */
class AsterApiWalletSignerTest {

    static final String USER = "0x63DD5aCC6b1aa0f563956C0e534DD30B6dcF7C4e";
    static final String SIGNER = "0x21cF8Ae13Bb72632562c6Fff438652Ba1a151bb0";
    static final String PRIVATE_KEY = "0x4fd0a42218f3eae43a6ce26d22544e986139a01e5b34a62db53757ffca81bae1";

    @Test
    void theDocsDemoPrivateKeyBelongsToTheDocsDemoSigner() {
        AsterApiWalletCredentials credentials = AsterApiWalletCredentials.of(USER, SIGNER, PRIVATE_KEY);

        assertThat(AsterSigner.apiWallet(credentials).address()).isEqualTo(SIGNER);
    }

    @Test
    void signsTheParameterStringSoThatItRecoversToTheSigner() {
        AsterSigner signer = AsterSigner.apiWallet(AsterApiWalletCredentials.of(USER, SIGNER, PRIVATE_KEY));
        String msg = "symbol=ASTERUSDT&type=LIMIT&side=BUY&timeInForce=GTC&quantity=20&price=0.5&user=" + USER
                + "&signer=" + SIGNER + "&nonce=1748310859508867";

        String signature = signer.sign(msg);

        assertThat(signature).matches("0x[0-9a-f]{130}").endsWith(signature.endsWith("1b") ? "1b" : "1c");
        assertThat(signer.sign(msg)).isEqualTo(signature);
        assertThat(EthSignature.fromHex(signature).recoverAddress(AsterSigner.digest(msg))).contains(SIGNER);
        assertThat(EthSignature.fromHex(signature).recoverAddress(AsterSigner.digest(msg + "0")))
                .isNotEqualTo(java.util.Optional.of(SIGNER));
    }

    @Test
    void aKeyOfAnotherWalletIsRefusedWithoutPrintingIt() {
        String otherKey = "0x" + "11".repeat(32);

        assertThatThrownBy(() -> AsterApiWalletCredentials.of(USER, SIGNER, otherKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SIGNER)
                .hasMessageNotContaining("1111111111");
    }

    @Test
    void credentialsPrintTheAddressesOnly() {
        AsterApiWalletCredentials credentials = AsterApiWalletCredentials.of(USER.toLowerCase(), SIGNER, PRIVATE_KEY);

        assertThat(credentials.user()).isEqualTo(USER);
        assertThat(credentials.toString()).contains(USER).contains(SIGNER).doesNotContain(PRIVATE_KEY.substring(2, 20));
        assertThat(AsterSigner.apiWallet(credentials).toString()).doesNotContain(PRIVATE_KEY.substring(2, 20));
    }
}
