package dev.perpflow.fundingarb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.model.Bbo;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BreakEvenAlignmentTest {

    private static final BigDecimal OFFSET = new BigDecimal("0.0001");

    private static Bbo bbo(String venue, String bid, String ask) {
        return new Bbo(venue, "BTC", new BigDecimal(bid), BigDecimal.ONE, new BigDecimal(ask), BigDecimal.ONE,
                Instant.EPOCH);
    }

    @Test
    void midsApartByLessThanTheThresholdAlignAQuarterOfTheirSpreadAroundTheLowerMid() {
        // long venue mid 100.00, short venue mid 100.40: offset = 0.10; long 99.90 stays under its bid 99.95,
        // short 100.10 would sit under the short venue's ask 100.45, so it moves just over that ask
        BreakEvenAlignment.Prices prices = BreakEvenAlignment.align(bbo("l", "99.95", "100.05"),
                bbo("s", "100.35", "100.45"), OFFSET);

        assertThat(prices.longPrice()).isEqualByComparingTo("99.90");
        assertThat(prices.shortPrice()).isEqualByComparingTo(new BigDecimal("100.45").multiply(new BigDecimal("1.0001")));
        assertThat(prices.strategy()).isEqualTo(BreakEvenAlignment.Strategy.POST_ONLY_ADJUSTED);
        assertThat(prices.longPrice()).isLessThan(prices.shortPrice());
    }

    @Test
    void wideQuotesOnBothSidesAlignWithoutAdjustment() {
        // long mid 100.00, short mid 100.40 with a wide short book: long 99.90 stays under its bid 99.95, the
        // short's 100.10 is under its ask 100.90 and moves over it
        BreakEvenAlignment.Prices prices = BreakEvenAlignment.align(bbo("l", "99.95", "100.05"),
                bbo("s", "99.90", "100.90"), OFFSET);

        assertThat(prices.longPrice()).isEqualByComparingTo("99.9");
        assertThat(prices.shortPrice()).isEqualByComparingTo(new BigDecimal("100.90").multiply(new BigDecimal("1.0001")));
    }

    @Test
    void equalMidsSitOnTheirOwnSidesOfTheBook() {
        BreakEvenAlignment.Prices prices = BreakEvenAlignment.align(bbo("l", "99.99", "100.01"),
                bbo("s", "99.99", "100.01"), OFFSET);

        assertThat(prices.longPrice()).isEqualByComparingTo(new BigDecimal("99.99").multiply(new BigDecimal("0.9999")));
        assertThat(prices.shortPrice()).isEqualByComparingTo(new BigDecimal("100.01").multiply(new BigDecimal("1.0001")));
        assertThat(prices.strategy()).isEqualTo(BreakEvenAlignment.Strategy.POST_ONLY_ADJUSTED);
    }

    @Test
    void midsFurtherApartThanHalfAPercentFallBackToTheTouch() {
        BreakEvenAlignment.Prices prices = BreakEvenAlignment.align(bbo("l", "99.95", "100.05"),
                bbo("s", "100.95", "101.05"), OFFSET);

        assertThat(prices.strategy()).isEqualTo(BreakEvenAlignment.Strategy.BBO_FALLBACK);
        assertThat(prices.longPrice()).isEqualByComparingTo("100.05");
        assertThat(prices.shortPrice()).isEqualByComparingTo("100.95");
    }

    @Test
    void anAlignmentInsideBothBooksIsLeftAsItIs() {
        // the long venue quotes far under, the short venue far over: both aligned prices are already passive
        BreakEvenAlignment.Prices prices = BreakEvenAlignment.align(bbo("l", "100.10", "100.30"),
                bbo("s", "99.80", "99.90"), OFFSET);

        // mids 100.20 and 99.85: low 99.85, offset 0.0875 → long 99.7625 (under its bid 100.10), short 99.9375
        // (over its ask 99.90)
        assertThat(prices.longPrice()).isEqualByComparingTo("99.7625");
        assertThat(prices.shortPrice()).isEqualByComparingTo("99.9375");
        assertThat(prices.strategy()).isEqualTo(BreakEvenAlignment.Strategy.ALIGNED);
    }
}
