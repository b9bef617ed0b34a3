package dev.perpflow.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's grid scenarios (seed-inventory §11.1) with their numbers. Fixture: take profit 0.8, grid step 0.2. */
class GridMathTest {

    private static final BigDecimal TP = new BigDecimal("0.8");

    private static Bbo bbo(String bid, String ask) {
        return new Bbo("v", "BTC", new BigDecimal(bid), BigDecimal.ONE, new BigDecimal(ask), BigDecimal.ONE, Instant.EPOCH);
    }

    @Test
    void longClosePriceUsesTheReportedMarginRatio() {
        // 100 × (1 + 0.8 / 100 × 0.05) = 100.04
        BigDecimal fraction = GridMath.priceFraction(TP, new BigDecimal("0.05"), null);
        assertThat(GridMath.closePrice(Side.BUY, new BigDecimal("100"), fraction)).isEqualByComparingTo("100.04");
    }

    @Test
    void shortClosePriceFallsBackToOneOverLeverage() {
        // 200 × (1 − 0.8 / 100 × 1 / 25) = 199.936
        BigDecimal fraction = GridMath.priceFraction(TP, null, new BigDecimal("25"));
        assertThat(GridMath.closePrice(Side.SELL, new BigDecimal("200"), fraction)).isEqualByComparingTo("199.936");
    }

    @Test
    void entrySizingFromNotional() {
        assertThat(GridMath.entryQuantity(new BigDecimal("50"), new BigDecimal("100"), new BigDecimal("0.001")))
                .isEqualByComparingTo("0.5");
    }

    @Test
    void entryPriceIsAnchoredToTheOppositeTouch() {
        // buy: ask 101 − 0.1 × 2 = 100.8; sell: bid 100 + 0.1 × 2 = 100.2
        assertThat(GridMath.entryPrice(Side.BUY, bbo("100", "101"), new BigDecimal("0.1"), 2))
                .isEqualByComparingTo("100.8");
        assertThat(GridMath.entryPrice(Side.SELL, bbo("100", "101"), new BigDecimal("0.1"), 2))
                .isEqualByComparingTo("100.2");
        assertThat(GridMath.entryPrice(Side.BUY, bbo("0.1", "0.2"), new BigDecimal("0.1"), 5))
                .as("never at or below zero").isEqualByComparingTo("0.1");
    }

    @Test
    void marginCapCountsTheNewOrder() {
        // 990 + 0.5 × 100 × 0.5 = 1015 > 1000
        assertThat(GridMath.projectedMargin(new BigDecimal("990"), new BigDecimal("0.5"), new BigDecimal("100"),
                new BigDecimal("0.5"))).isEqualByComparingTo("1015");
    }

    @Test
    void stopLossIsAPercentOfMargin() {
        // 2 % of margin at margin ratio 0.1 = 0.2 % price move: long entry 100 → stop 99.8
        BigDecimal fraction = GridMath.priceFraction(new BigDecimal("2"), new BigDecimal("0.1"), null);
        BigDecimal stop = GridMath.stopLossPrice(Side.BUY, new BigDecimal("100"), fraction);
        assertThat(stop).isEqualByComparingTo("99.8");
        assertThat(GridMath.stopLossTriggered(Side.BUY, new BigDecimal("99.8"), stop)).isTrue();
        assertThat(GridMath.stopLossTriggered(Side.BUY, new BigDecimal("99.81"), stop)).isFalse();
        assertThat(GridMath.stopLossPrice(Side.SELL, new BigDecimal("100"), fraction)).isEqualByComparingTo("100.2");
    }

    @Test
    void cooldownScalesWithHowFullTheGridIs() {
        Duration wait = Duration.ofSeconds(5);
        assertThat(GridMath.cooldown(3, 5, wait, false)).isEqualTo(Duration.ofSeconds(5));   // 3/5 ≥ 1/3
        assertThat(GridMath.cooldown(4, 5, wait, false)).isEqualTo(Duration.ofSeconds(10));  // 4/5 ≥ 2/3
        assertThat(GridMath.cooldown(1, 5, wait, false)).isEqualTo(Duration.ofMillis(2500)); // 1/5 ≥ 1/6
        assertThat(GridMath.cooldown(0, 5, wait, false)).isEqualTo(Duration.ofMillis(1250));
        assertThat(GridMath.cooldown(5, 5, wait, false)).as("full grid").isNull();
        assertThat(GridMath.cooldown(4, 5, wait, true)).as("a close just filled").isZero();
    }

    @Test
    void gridStepForBuyGrids() {
        BigDecimal fraction = GridMath.priceFraction(TP, null, null);
        // new close = 101 × 1.008 = 101.808: 110 is more than 0.2 % above it, 101.5 is not
        assertThat(GridMath.gridStepAllows(Side.BUY, List.of(new BigDecimal("110")), bbo("100", "101"), fraction,
                new BigDecimal("0.2"))).isTrue();
        assertThat(GridMath.gridStepAllows(Side.BUY, List.of(new BigDecimal("101.5")), bbo("100", "101"), fraction,
                new BigDecimal("0.2"))).isFalse();
        assertThat(GridMath.gridStepAllows(Side.BUY, List.of(), bbo("100", "101"), fraction, new BigDecimal("0.2")))
                .isTrue();
    }

    @Test
    void gridStepForSellGrids() {
        BigDecimal fraction = GridMath.priceFraction(TP, null, null);
        // new close = 100 × 0.992 = 99.2
        assertThat(GridMath.gridStepAllows(Side.SELL, List.of(new BigDecimal("90")), bbo("100", "101"), fraction,
                new BigDecimal("0.2"))).isTrue();
        assertThat(GridMath.gridStepAllows(Side.SELL, List.of(new BigDecimal("99.2")), bbo("100", "101"), fraction,
                new BigDecimal("0.2"))).isFalse();
    }

    @Test
    void clientOrderIndicesAreDeterministicPerPositionAndCategory() {
        int entry = GridOrderIds.clientOrderIndex("grid-1", "entry");
        assertThat(GridOrderIds.clientOrderIndex("grid-1", "entry")).isEqualTo(entry);
        assertThat(entry).isBetween(1, 999_999);
        assertThat(GridOrderIds.clientOrderIndex("grid-1", "close")).isNotEqualTo(entry);
        assertThat(GridOrderIds.clientOrderIndex("grid-2", "entry")).isNotEqualTo(entry);
        assertThat(GridOrderIds.clientOrderId("run7", "grid-1", GridOrderIds.closeRetry(2)))
                .isEqualTo("run7-grid-1-close-retry-2");
    }
}
