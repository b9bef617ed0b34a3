package dev.perpflow.component.grvt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.component.grvt.client.GrvtSigner;
import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.crypto.EthSignature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order-signing vectors of the official pysdk ({@code tests/pysdk/test_grvt_raw_signing.py::test_sign_order_table}
 * of grvt-pysdk @ bb77839e, venues.md §4): testnet (chain 326), sub account 8289849667772468, GTT, one selling leg of
 * {@code BTC_USDT_Perp} (instrument hash {@code 0x030501}, 9 base decimals). Rows 3 and 4 carry more decimals than
 * the venue keeps and must truncate to row 2's signature. {@code r} and {@code s} are compared as numbers. The
 * intermediate hashes of {@code test_grvt_raw_signing_intermediate_steps.py} pin the domain separator and struct hash.
 */
class GrvtSignerTest {

    private static final GrvtSigner SIGNER = GrvtSigner.of(
            Secret.of("f7934647276a6e1fa0af3f4467b4b8ddaf45d25a7368fa1a295eef49a446819d"), 326);

    @Test
    void anOrderWithThreeDecimalsIsSignedAsThePysdkSignsIt() {
        check(SIGNER.sign(order("1.013", "68900.5")),
                "0xb00512d986a718b15136a8ba23de1c1ec84bbdb9958629cbbe4909bae620bb04",
                "0x79f706de61c68cc14d7734594b5d8689df2b2a7b25951f9a3f61d799f4327ffc", 28);
    }

    @Test
    void anOrderWithNineDecimalsIsSignedAsThePysdkSignsIt() {
        check(SIGNER.sign(order("1.123123123", "68900.777123479")),
                "0x365ec79d299c8bcd5f2acff89faf741a90ca02a4b8a6b1b1a5d4f3d16130f9f0",
                "0x465129bca7855f008ea5bc22fe3ee630e4a8e3b9b99c1745631deef29957048a", 28);
    }

    @Test
    void sizeAndPriceBeyondTheVenuesDecimalsAreTruncatedNotRounded() {
        for (String[] row : new String[][] {{"1.1231231234", "68900.7771234794"}, {"1.1231231239", "68900.7771234799"}}) {
            check(SIGNER.sign(order(row[0], row[1])),
                    "0x365ec79d299c8bcd5f2acff89faf741a90ca02a4b8a6b1b1a5d4f3d16130f9f0",
                    "0x465129bca7855f008ea5bc22fe3ee630e4a8e3b9b99c1745631deef29957048a", 28);
        }
        assertThat(GrvtSigner.contractSize(new BigDecimal("1.1231231239"), 9)).isEqualTo(BigInteger.valueOf(1123123123));
        assertThat(GrvtSigner.limitPrice(new BigDecimal("68900.7771234799"))).isEqualTo(new BigInteger("68900777123479"));
    }

    @Test
    void theDigestIsBuiltFromThePysdksIntermediateHashes() {
        // header = domain separator of chain 326, body = hashStruct(Order) of the 3-decimals row
        byte[] digest = GrvtSigner.digest(order("1.013", "68900.5"), 326);
        byte[] expected = dev.perpflow.exchange.crypto.Keccak.hash(HexFormat.of().parseHex("1901"
                + "1254f97f8495f704630a238cbcd898a4b8ab20d77bb93e17049d3445f4f81f16"
                + "41650c08ab6e720f899307d7c2b4381a10c1301888375cec2dfefd6a583859eb"));
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(HexFormat.of().formatHex(expected))
                .isEqualTo("03cb7ca7b353969ab2c00ff92fd472f81f59a84d28fa1aa39128176f21062982");
    }

    private static GrvtSigner.OrderFields order(String size, String price) {
        return new GrvtSigner.OrderFields(8289849667772468L, false, 1, false, false,
                List.of(new GrvtSigner.Leg("0x030501", 9, new BigDecimal(size), new BigDecimal(price), false)),
                828700936L, 1730800479321350000L);
    }

    private static void check(EthSignature signature, String r, String s, int v) {
        assertThat(signature.r()).isEqualTo(new BigInteger(r.substring(2), 16));
        assertThat(signature.s()).isEqualTo(new BigInteger(s.substring(2), 16));
        assertThat(signature.v()).isEqualTo(v);
    }
}
