package dev.perpflow.component.hyperliquid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.component.hyperliquid.client.HyperliquidActions;
import dev.perpflow.component.hyperliquid.client.HyperliquidSigner;
import dev.perpflow.component.hyperliquid.client.HyperliquidWire;
import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.crypto.EthSignature;
import dev.perpflow.exchange.crypto.TypedData;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signing vectors of the official Python SDK ({@code tests/signing_test.py} of hyperliquid-python-sdk @ 7ee976d1,
 * listed in venues.md §3): the phantom agent's connection id, L1 actions (a dummy action, orders with and without a
 * cloid, with a vault, a trigger order, sub-account actions, scheduled cancels) on mainnet and testnet, the hashing
 * integers, and the user-signed USD transfer and withdrawal. {@code r} and {@code s} are compared as numbers (the SDK
 * prints them without leading zeros).
 */
class HyperliquidSignerTest {

    private static final Secret KEY = Secret.of("0x0123456789012345678901234567890123456789012345678901234567890123");
    private static final HyperliquidSigner MAINNET = HyperliquidSigner.of(KEY, true);
    private static final HyperliquidSigner TESTNET = HyperliquidSigner.of(KEY, false);

    @Test
    void thePhantomAgentMatchesProduction() {
        Map<String, Object> action = HyperliquidActions.order(List.of(HyperliquidActions.orderWire(4, true,
                HyperliquidWire.wire(new BigDecimal("1670.1")), HyperliquidWire.wire(new BigDecimal("0.0147")), false,
                HyperliquidActions.limit(HyperliquidActions.Tif.Ioc), null)));

        byte[] hash = HyperliquidSigner.actionHash(action, null, 1677777606040L, null);

        assertThat("0x" + HexFormat.of().formatHex(hash))
                .isEqualTo("0x0fcbeda5ae3c4950a548021552a4fea2226858c4453571bf3f24ba017eac2908");
    }

    @Test
    void aDummyL1ActionIsSignedAsTheSdkSignsIt() {
        Map<String, Object> action = dummy();
        check(MAINNET.signL1Action(action, null, 0, null),
                "0x53749d5b30552aeb2fca34b530185976545bb22d0b3ce6f62e31be961a59298",
                "0x755c40ba9bf05223521753995abb2f73ab3229be8ec921f350cb447e384d8ed8", 27);
        check(TESTNET.signL1Action(action, null, 0, null),
                "0x542af61ef1f429707e3c76c5293c80d01f74ef853e34b76efffcb57e574f9510",
                "0x17b8b32f086e8cdede991f1e2c529f5dd5297cbe8128500e00cbaf766204a613", 28);
    }

    @Test
    void anOrderIsSignedAsTheSdkSignsIt() {
        Map<String, Object> action = order(null);
        check(MAINNET.signL1Action(action, null, 0, null),
                "0xd65369825a9df5d80099e513cce430311d7d26ddf477f5b3a33d2806b100d78e",
                "0x2b54116ff64054968aa237c20ca9ff68000f977c93289157748a3162b6ea940e", 28);
        check(TESTNET.signL1Action(action, null, 0, null),
                "0x82b2ba28e76b3d761093aaded1b1cdad4960b3af30212b343fb2e6cdfa4e3d54",
                "0x6b53878fc99d26047f4d7e8c90eb98955a109f44209163f52d8dc4278cbbd9f5", 27);
    }

    @Test
    void anOrderWithACloidIsSignedAsTheSdkSignsIt() {
        Map<String, Object> action = order("0x00000000000000000000000000000001");
        check(MAINNET.signL1Action(action, null, 0, null),
                "0x41ae18e8239a56cacbc5dad94d45d0b747e5da11ad564077fcac71277a946e3",
                "0x3c61f667e747404fe7eea8f90ab0e76cc12ce60270438b2058324681a00116da", 27);
        check(TESTNET.signL1Action(action, null, 0, null),
                "0xeba0664bed2676fc4e5a743bf89e5c7501aa6d870bdb9446e122c9466c5cd16d",
                "0x7f3e74825c9114bc59086f1eebea2928c190fdfbfde144827cb02b85bbe90988", 28);
    }

    @Test
    void anActionForAVaultIsSignedAsTheSdkSignsIt() {
        String vault = "0x1719884eb866cb12b2287399b15f7db5e7d775ea";
        check(MAINNET.signL1Action(dummy(), vault, 0, null),
                "0x3c548db75e479f8012acf3000ca3a6b05606bc2ec0c29c50c515066a326239",
                "0x4d402be7396ce74fbba3795769cda45aec00dc3125a984f2a9f23177b190da2c", 28);
        check(TESTNET.signL1Action(dummy(), vault, 0, null),
                "0xe281d2fb5c6e25ca01601f878e4d69c965bb598b88fac58e475dd1f5e56c362b",
                "0x7ddad27e9a238d045c035bc606349d075d5c5cd00a6cd1da23ab5c39d4ef0f60", 27);
    }

    @Test
    void aTriggerOrderIsSignedAsTheSdkSignsIt() {
        Map<String, Object> action = HyperliquidActions.order(List.of(HyperliquidActions.orderWire(1, true, "100",
                "100", false, HyperliquidActions.trigger(true, HyperliquidWire.wire(new BigDecimal("103")), "sl"),
                null)));
        check(MAINNET.signL1Action(action, null, 0, null),
                "0x98343f2b5ae8e26bb2587daad3863bc70d8792b09af1841b6fdd530a2065a3f9",
                "0x6b5bb6bb0633b710aa22b721dd9dee6d083646a5f8e581a20b545be6c1feb405", 27);
        check(TESTNET.signL1Action(action, null, 0, null),
                "0x971c554d917c44e0e1b6cc45d8f9404f32172a9d3b3566262347d0302896a2e4",
                "0x206257b104788f80450f8e786c329daa589aa0b32ba96948201ae556d5637eac", 28);
    }

    @Test
    void subAccountAndScheduledCancelActionsAreSignedAsTheSdkSignsThem() {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("type", "createSubAccount");
        create.put("name", "example");
        check(MAINNET.signL1Action(create, null, 0, null),
                "0x51096fe3239421d16b671e192f574ae24ae14329099b6db28e479b86cdd6caa7",
                "0xb71f7d293af92d3772572afb8b102d167a7cef7473388286bc01f52a5c5b423", 27);
        Map<String, Object> transfer = new LinkedHashMap<>();
        transfer.put("type", "subAccountTransfer");
        transfer.put("subAccountUser", "0x1d9470d4b963f552e6f671a81619d395877bf409");
        transfer.put("isDeposit", true);
        transfer.put("usd", 10);
        check(TESTNET.signL1Action(transfer, null, 0, null),
                "0xe26574013395ad55ee2f4e0575310f003c5bb3351b5425482e2969fa51543927",
                "0xefb08999196366871f919fd0e138b3a7f30ee33e678df7cfaf203e25f0a4278", 28);
        Map<String, Object> cancelAt = new LinkedHashMap<>();
        cancelAt.put("type", "scheduleCancel");
        cancelAt.put("time", 123456789);
        check(MAINNET.signL1Action(cancelAt, null, 0, null),
                "0x609cb20c737945d070716dcc696ba030e9976fcf5edad87afa7d877493109d55",
                "0x16c685d63b5c7a04512d73f183b3d7a00da5406ff1f8aad33f8ae2163bab758b", 28);
        check(TESTNET.signL1Action(Map.of("type", "scheduleCancel"), null, 0, null),
                "0xc75bb195c3f6a4e06b7d395acc20bbb224f6d23ccff7c6a26d327304e6efaeed",
                "0x342f8ede109a29f2c0723bd5efb9e9100e3bbb493f8fb5164ee3d385908233df", 28);
    }

    @Test
    void amountsAreHashedAsIntegersOfTheirHundredMillionths() {
        assertThat(HyperliquidWire.toIntForHashing(new BigDecimal("123123123123")))
                .isEqualTo(new BigInteger("12312312312300000000"));
        assertThat(HyperliquidWire.toIntForHashing(new BigDecimal("0.00001231"))).isEqualTo(BigInteger.valueOf(1231));
        assertThat(HyperliquidWire.toIntForHashing(new BigDecimal("1.033"))).isEqualTo(BigInteger.valueOf(103300000));
        assertThatThrownBy(() -> HyperliquidWire.toIntForHashing(new BigDecimal("0.000012312312")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void userSignedTransfersAreSignedAsTheSdkSignsThem() {
        List<TypedData.Field> fields = List.of(new TypedData.Field("hyperliquidChain", "string"),
                new TypedData.Field("destination", "string"), new TypedData.Field("amount", "string"),
                new TypedData.Field("time", "uint64"));
        check(TESTNET.signUserAction("HyperliquidTransaction:UsdSend", fields, transferMessage()),
                "0x637b37dd731507cdd24f46532ca8ba6eec616952c56218baeff04144e4a77073",
                "0x11a6a24900e6e314136d2592e2f8d502cd89b7c15b198e1bee043c9589f9fad7", 27);
        check(TESTNET.signUserAction("HyperliquidTransaction:Withdraw", fields, transferMessage()),
                "0x8363524c799e90ce9bc41022f7c39b4e9bdba786e5f9c72b20e43e1462c37cf9",
                "0x58b1411a775938b83e29182e8ef74975f9054c8e97ebf5ec2dc8d51bfc893881", 28);
    }

    @Test
    void pricesFollowTheFiveSignificantFiguresAndDecimalsRule() {
        // the examples of Hyperliquid's "Tick and lot size" page
        assertThat(HyperliquidWire.isValidPrice(new BigDecimal("1234.5"), 0)).isTrue();
        assertThat(HyperliquidWire.isValidPrice(new BigDecimal("1234.56"), 0)).isFalse();
        assertThat(HyperliquidWire.isValidPrice(new BigDecimal("0.001234"), 0)).isTrue();
        assertThat(HyperliquidWire.isValidPrice(new BigDecimal("0.0012345"), 0)).isFalse();
        assertThat(HyperliquidWire.isValidPrice(new BigDecimal("0.01234"), 1)).isTrue();
        assertThat(HyperliquidWire.isValidPrice(new BigDecimal("0.012345"), 1)).isFalse();
        assertThat(HyperliquidWire.isValidPrice(new BigDecimal("123456"), 0)).isTrue();
        assertThat(HyperliquidWire.isValidPrice(new BigDecimal("12345.6"), 0)).isFalse();
        // a bid is rounded down and an ask up, never to a more aggressive price
        assertThat(HyperliquidWire.price(new BigDecimal("113377.5"), 5, java.math.RoundingMode.DOWN))
                .isEqualByComparingTo("113377");
        assertThat(HyperliquidWire.price(new BigDecimal("1234.56"), 2, java.math.RoundingMode.UP))
                .isEqualByComparingTo("1234.6");
        assertThat(HyperliquidWire.wire(new BigDecimal("100.000"))).isEqualTo("100");
        assertThat(HyperliquidWire.wire(new BigDecimal("1E+2"))).isEqualTo("100");
    }

    private static Map<String, Object> transferMessage() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("destination", "0x5e9ee1089755c3435139848e47e6635505d5a13a");
        message.put("amount", "1");
        message.put("time", 1687816341423L);
        return message;
    }

    private static Map<String, Object> dummy() {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "dummy");
        action.put("num", HyperliquidWire.toIntForHashing(new BigDecimal("1000")));
        return action;
    }

    private static Map<String, Object> order(String cloid) {
        return HyperliquidActions.order(List.of(HyperliquidActions.orderWire(1, true,
                HyperliquidWire.wire(new BigDecimal("100")), HyperliquidWire.wire(new BigDecimal("100")), false,
                HyperliquidActions.limit(HyperliquidActions.Tif.Gtc), cloid)));
    }

    private static void check(EthSignature signature, String r, String s, int v) {
        assertThat(signature.r()).isEqualTo(new BigInteger(r.substring(2), 16));
        assertThat(signature.s()).isEqualTo(new BigInteger(s.substring(2), 16));
        assertThat(signature.v()).isEqualTo(v);
    }
}
