package dev.perpflow.exchange.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.auth.Secret;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EthPrivateKeySignsLikeEthereumWalletsTest {

    private static final String KEY = "0x4fd0a42218f3eae43a6ce26d22544e986139a01e5b34a62db53757ffca81bae1";

    @Test
    void everySignatureHasALowSAndRecoversToTheKeysAddress() {
        EthPrivateKey key = EthPrivateKey.of(Secret.of(KEY));
        for (int i = 0; i < 40; i++) {
            byte[] digest = Keccak.hash("message " + i);

            EthSignature signature = key.sign(digest);

            assertThat(signature.isLowS()).isTrue();
            assertThat(signature.v()).isIn(27, 28);
            assertThat(signature.recoverAddress(digest)).contains(key.address());
            assertThat(EthSignature.fromHex(signature.toHex())).isEqualTo(signature);
        }
    }

    @Test
    void signingIsDeterministic() {
        EthPrivateKey key = EthPrivateKey.of(Secret.of(KEY));
        byte[] digest = Keccak.hash("same");

        assertThat(key.sign(digest)).isEqualTo(key.sign(digest));
    }

    @Test
    void aSignatureWithTheOtherRecoveryIdNamesAnotherAddress() {
        EthPrivateKey key = EthPrivateKey.of(Secret.of(KEY));
        byte[] digest = Keccak.hash("flip");
        EthSignature signature = key.sign(digest);

        EthSignature flipped = new EthSignature(signature.r(), signature.s(), signature.v() == 27 ? 28 : 27);

        assertThat(flipped.recoverAddress(digest)).isNotEqualTo(java.util.Optional.of(key.address()));
    }

    @Test
    void checksumsAddressesAsEip55() {
        // EIP-55's own examples
        for (String address : new String[] {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
                "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"}) {
            assertThat(EthAddress.checksum(address.toLowerCase())).isEqualTo(address);
        }
    }

    @Test
    void malformedKeysAreRefusedWithoutQuotingThem() {
        assertThatThrownBy(() -> EthPrivateKey.of(Secret.of("0x1234secretish")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secretish");
        assertThatThrownBy(() -> EthPrivateKey.of(Secret.of("0x" + "0".repeat(64))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EthPrivateKey.of(Secret.of(KEY)).toString()).doesNotContain(KEY.substring(2, 20));
    }

    @Test
    void encodesIntegersBoolsAndFixedBytesAsThirtyTwoByteWords() {
        TypedData types = new TypedData(Map.of("T", java.util.List.of(new TypedData.Field("a", "uint8"),
                new TypedData.Field("b", "int256"), new TypedData.Field("c", "bool"),
                new TypedData.Field("d", "bytes32"), new TypedData.Field("e", "bytes4"))));
        byte[] word = new byte[32];
        word[31] = 7;

        byte[] data = types.encodeData("T", Map.of("a", 255, "b", BigInteger.valueOf(-1), "c", true, "d", word,
                "e", new byte[] {1, 2, 3, 4}));

        assertThat(data).hasSize(32 * 6);
        assertThat(data[32 + 31]).isEqualTo((byte) 255);
        for (int i = 64; i < 96; i++) {
            assertThat(data[i]).isEqualTo((byte) 0xff); // -1 sign-extended
        }
        assertThat(data[96 + 31]).isEqualTo((byte) 1);
        assertThat(data[128 + 31]).isEqualTo((byte) 7);
        assertThat(java.util.Arrays.copyOfRange(data, 160, 165)).containsExactly(1, 2, 3, 4, 0);
        assertThatThrownBy(() -> types.encodeData("T", Map.of("a", 256, "b", 0, "c", false, "d", word,
                "e", new byte[4]))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uint8");
    }
}
