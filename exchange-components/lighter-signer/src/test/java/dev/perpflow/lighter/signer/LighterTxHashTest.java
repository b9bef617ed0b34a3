package dev.perpflow.lighter.signer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Transaction hashes take the venue's fields in the venue's order (lighter-go {@code types/txtypes/*.go} {@code Hash}):
 * the common prefix (chain id, type, nonce, expiry, account, API key) then each transaction's fields. There are no
 * published transaction vectors (lighter-go's {@code sign_test.go} only checks structure); these tests pin the order
 * and show that every field, the chain id included, changes the signed message.
 */
class LighterTxHashTest {

    private static final LighterTx.CreateOrder ORDER = new LighterTx.CreateOrder(1, 0, 0, 123456, 1000, 350000, 1,
            LighterTx.ORDER_TYPE_LIMIT, LighterTx.GOOD_TILL_TIME, 0, 0, 1_760_000_000_000L, 1_759_999_400_000L, 42);

    @Test
    void aCreateOrderHashesItsFieldsInTheVenuesOrder() {
        assertThat(ORDER.hash(304)).isEqualTo(Poseidon2.hashToQuinticExtension(304, 14, 42, 1_759_999_400_000L, 1, 0,
                0, 123456, 1000, 350000, 1, 0, 1, 0, 0, 1_760_000_000_000L));
    }

    @Test
    void cancelCancelAllModifyAndLeverageHashTheirFieldsInTheVenuesOrder() {
        assertThat(new LighterTx.CancelOrder(7, 3, 2, 99, 5000, 11).hash(304))
                .isEqualTo(Poseidon2.hashToQuinticExtension(304, 15, 11, 5000, 7, 3, 2, 99));
        assertThat(new LighterTx.CancelAllOrders(7, 3, 0, 0, 5000, 12).hash(304))
                .isEqualTo(Poseidon2.hashToQuinticExtension(304, 16, 12, 5000, 7, 3, 0, 0));
        assertThat(new LighterTx.ModifyOrder(7, 3, 2, 99, 10, 20, 0, 5000, 13).hash(304))
                .isEqualTo(Poseidon2.hashToQuinticExtension(304, 17, 13, 5000, 7, 3, 2, 99, 10, 20, 0));
        assertThat(new LighterTx.UpdateLeverage(7, 3, 2, 500, 0, 5000, 14).hash(304))
                .isEqualTo(Poseidon2.hashToQuinticExtension(304, 20, 14, 5000, 7, 3, 2, 500, 0));
    }

    @Test
    void theChainIdAndEveryFieldChangeTheMessage() {
        Fp5 mainnet = ORDER.hash(LighterTx.MAINNET_CHAIN_ID);
        assertThat(ORDER.hash(LighterTx.TESTNET_CHAIN_ID)).isNotEqualTo(mainnet);
        assertThat(new LighterTx.CreateOrder(1, 0, 0, 123456, 1000, 350001, 1, 0, 1, 0, 0, 1_760_000_000_000L,
                1_759_999_400_000L, 42).hash(304)).isNotEqualTo(mainnet);
        assertThat(new LighterTx.CreateOrder(1, 0, 0, 123456, 1000, 350000, 1, 0, 1, 0, 0, 1_760_000_000_000L,
                1_759_999_400_000L, 43).hash(304)).isNotEqualTo(mainnet);
    }

    @Test
    void anAuthTokenIsMessageColonHexSignatureOverTheMessagesWords() {
        LighterKey key = LighterKey.of(Scalar.ofLimbs(1, 2, 3, 4, 5));
        String token = LighterAuthToken.create(key, 1_760_000_000L, 281, 3);
        assertThat(token).startsWith("1760000000:281:3:").hasSize("1760000000:281:3:".length() + 160);
        // "1760000000:281:3" is 16 bytes: two little-endian words, no padding
        assertThat(LighterAuthToken.messageHash("1760000000:281:3")).isEqualTo(Poseidon2.hashToQuinticExtension(
                Bytes.readLong("17600000".getBytes(), 0), Bytes.readLong("00:281:3".getBytes(), 0)));
        assertThat(LighterAuthToken.verify(LighterAuthToken.parse(token).orElseThrow(), key.publicKey())).isTrue();
        assertThat(LighterAuthToken.parse("not:a:token")).isEmpty();
    }

    @Test
    void keysReadFromHexAndNeverPrint() {
        LighterKey key = LighterKey.of(Scalar.ofLimbs(1, 2, 3, 4, 5));
        LighterKey again = LighterKey.fromHex("0x" + key.privateKeyHex());
        assertThat(again).isEqualTo(key);
        assertThat(again.publicKeyHex()).hasSize(80).isEqualTo(key.publicKeyHex());
        assertThat(LighterKey.publicKeyFromHex(key.publicKeyHex())).isEqualTo(key.publicKey());
        assertThat(key.toString()).doesNotContain(key.privateKeyHex()).contains("***");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LighterKey.fromHex("abcd"))
                .hasMessageContaining("40 bytes");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LighterKey.fromHex("zz" + key.privateKeyHex()))
                .hasMessageNotContaining(key.privateKeyHex());
    }
}
