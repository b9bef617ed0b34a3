package dev.perpflow.component.backpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BackpackSymbolsAndClientIdsTest {

    @Test
    void perpetualNamesNormalizeToTheBaseSymbol() {
        assertThat(BackpackSymbols.parse("SOL_USDC_PERP")).hasValueSatisfying(p -> {
            assertThat(p.symbol()).isEqualTo("SOL");
            assertThat(p.multiplier()).isEqualByComparingTo(BigDecimal.ONE);
        });
        assertThat(BackpackSymbols.parse("kBONK_USDC_PERP")).hasValueSatisfying(p -> {
            assertThat(p.symbol()).isEqualTo("BONK");
            assertThat(p.multiplier()).isEqualByComparingTo("1000");
        });
        // digits are part of the name: 2Z is not Z
        assertThat(BackpackSymbols.parse("2Z_USDC_PERP")).hasValueSatisfying(p -> assertThat(p.symbol()).isEqualTo("2Z"));
    }

    @Test
    void spotOtherQuotesAndOddNamesAreNotPerpetuals() {
        assertThat(BackpackSymbols.parse("SOL_USDC")).isEmpty();
        assertThat(BackpackSymbols.parse("SOL_USDT_PERP")).isEmpty();
        assertThat(BackpackSymbols.parse("_USDC_PERP")).isEmpty();
        assertThat(BackpackSymbols.parse("sol_USDC_PERP")).isEmpty();
        assertThat(BackpackSymbols.parse(null)).isEmpty();
    }

    @Test
    void clientIdIsAStableU32FromTheSha256OfTheCallersId() {
        // values computed independently (Python hashlib: first four bytes of SHA-256, big-endian)
        assertThat(BackpackClientIds.venueId("pf-1")).isEqualTo(2_289_839_669L);
        assertThat(BackpackClientIds.venueId("grid-entry-42")).isEqualTo(1_779_387_793L);
        assertThat(BackpackClientIds.venueId("pf-1")).isBetween(0L, 0xFFFF_FFFFL);
    }

    @Test
    void venueIdsMapBackToTheCallersIdOnceClaimed() {
        BackpackClientIds ids = new BackpackClientIds();

        assertThat(ids.claim("pf-1")).isEmpty();
        assertThat(ids.claim("pf-1")).isEmpty(); // the same id again is no collision

        assertThat(ids.clientOrderId(2_289_839_669L, "1")).isEqualTo("pf-1");
        assertThat(ids.clientOrderId(7L, "1")).isEqualTo("7");
        assertThat(ids.clientOrderId(null, "1122")).isEqualTo("backpack-1122");
    }
}
