package dev.perpflow.fundingarb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A leg's numbers from the venue's fills, worked by hand. */
class LegLedgerTest {

    private static final Instant OPENED = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instrument BTC = new Instrument("v", "BTC", "BTCUSDT", "USDT", new BigDecimal("0.1"),
            new BigDecimal("0.001"), new BigDecimal("5"), 20, 8, BigDecimal.ONE);
    private static final List<String> OWN = List.of("fa-p1-");

    private static Fill fill(String trade, String clientId, Side side, String qty, String price, String fee, int second) {
        return new Fill("v", trade, clientId, null, "BTC", side, new BigDecimal(price), new BigDecimal(qty),
                new BigDecimal(fee), "USDT", Liquidity.TAKER, OPENED.plusSeconds(second));
    }

    @Test
    void aLongClosedByItsOwnOrdersBooksPriceDifferenceMinusFees() {
        LegLedger ledger = LegLedger.of(List.of(
                fill("1", "fa-p1-el-l", Side.BUY, "0.002", "90000", "0.07", 1),
                fill("2", "fa-p1-c1l-m", Side.SELL, "0.002", "90500", "0.08", 60)), BTC, "BTC", OWN, Side.BUY, OPENED,
                BigDecimal.ZERO);
        // (90500 − 90000) × 0.002 − 0.15
        assertThat(ledger.realizedPnl()).isEqualByComparingTo("0.85");
        assertThat(ledger.complete()).isTrue();
        assertThat(ledger.ownNet()).isZero();
    }

    @Test
    void fillsOfOtherOrdersOnTheSameMarketAreNotTheLegs() {
        LegLedger ledger = LegLedger.of(List.of(
                fill("1", "fa-p1-el-l", Side.BUY, "0.002", "90000", "0.07", 1),
                fill("2", "manual-buy", Side.BUY, "0.010", "90100", "0.30", 2),
                fill("3", "fa-other-el-l", Side.BUY, "0.004", "90200", "0.10", 3)), BTC, "BTC", OWN, Side.BUY, OPENED,
                new BigDecimal("0.016"));
        assertThat(ledger.ownNet()).as("only what this position's orders bought").isEqualByComparingTo("0.002");
        assertThat(ledger.closedOutside()).isZero();
    }

    @Test
    void aLegLiquidatedOutsideTheRunIsBookedAtTheLiquidationFill() {
        LegLedger ledger = LegLedger.of(List.of(
                fill("1", "fa-p1-es-l", Side.SELL, "0.002", "90000", "0.07", 1),
                fill("liq-9", null, Side.BUY, "0.002", "94000", "0", 3600)), BTC, "BTC", OWN, Side.SELL, OPENED,
                BigDecimal.ZERO);
        // short 0.002 at 90000, bought back by the liquidation at 94000: −8 − 0.07
        assertThat(ledger.realizedPnl()).isEqualByComparingTo("-8.07");
        assertThat(ledger.complete()).isTrue();
    }

    @Test
    void tokensNeverSeenClosedAreLeftOutInsteadOfBookedAsGivenAway() {
        // failed before: a leg whose closing fill was missing was counted at its whole entry value (−99 % PnL)
        LegLedger ledger = LegLedger.of(List.of(
                fill("1", "fa-p1-el-l", Side.BUY, "0.002", "90000", "0.07", 1),
                fill("2", "fa-p1-c1l-m", Side.SELL, "0.001", "90500", "0.04", 60)), BTC, "BTC", OWN, Side.BUY, OPENED,
                BigDecimal.ZERO);
        assertThat(ledger.complete()).isFalse();
        // only the matched 0.001: (90500 − 90000) × 0.001 − 0.11
        assertThat(ledger.realizedPnl()).isEqualByComparingTo("0.39");
    }

    @Test
    void aLegWhoseFillsTheVenueNoLongerReportsHasNoOwnFills() {
        LegLedger ledger = LegLedger.of(List.of(), BTC, "BTC", OWN, Side.BUY, OPENED, BigDecimal.ZERO);
        assertThat(ledger.ownFills()).isZero();
        assertThat(ledger.realizedPnl()).isZero();
    }
}
