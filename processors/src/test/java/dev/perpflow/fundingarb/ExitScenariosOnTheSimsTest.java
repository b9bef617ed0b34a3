package dev.perpflow.fundingarb;

import static dev.perpflow.fundingarb.ArbSimVenues.quantity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One end-to-end scenario per exit reason on the two simulated venues (long on c, short on a): the venues are driven
 * into the condition, the engine closes the position with that reason and the venues hold nothing of it. (PnL
 * against the venues' books is checked by FundingArbEngineTest's divergence scenario.)
 */
class ExitScenariosOnTheSimsTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    private final ArbSimVenues sims = new ArbSimVenues();

    @AfterEach
    void close() {
        sims.close();
    }

    private ArbPosition open(FundingArbEngine engine) {
        sims.tickUntil(engine, () -> sims.only(ArbPosition.Status.OPEN).isPresent(), WAIT);
        return sims.only(ArbPosition.Status.OPEN).orElseThrow();
    }

    /**
     * Ticks until the position closes; the venues then hold nothing of it (only what a new entry, opened in the same
     * tick when the opportunity is still there, holds).
     */
    private ArbPosition closed(FundingArbEngine engine) {
        sims.tickUntil(engine, () -> sims.only(ArbPosition.Status.CLOSED).isPresent(), WAIT);
        ArbPosition closed = sims.only(ArbPosition.Status.CLOSED).orElseThrow();
        BigDecimal longs = BigDecimal.ZERO;
        BigDecimal shorts = BigDecimal.ZERO;
        for (ArbPosition other : sims.store.all()) {
            if (other.status() == ArbPosition.Status.OPEN) {
                longs = longs.add(other.longLeg().tokens());
                shorts = shorts.add(other.shortLeg().tokens());
            }
        }
        assertThat(quantity(sims.c, "BTC")).as("long venue holds only newer positions").isEqualByComparingTo(longs);
        assertThat(quantity(sims.a, "BTC").negate()).as("short venue holds only newer positions")
                .isEqualByComparingTo(shorts);
        return closed;
    }

    @Test
    void thePositionClosesWhenItReachesItsMaximumAge() {
        FundingArbEngine engine = sims.engine("age", Map.of("max_position_age_hours", 0.05,
                "check_interval_seconds", 1));
        open(engine);

        ArbPosition closed = closed(engine);

        assertThat(closed.exitReason()).isIn(ExitReasons.TIME_LIMIT, ExitReasons.timeout(ExitReasons.TIME_LIMIT));
        assertThat(closed.pnlUsd()).isNotNull();
    }

    @Test
    void aLegClosedBehindTheEnginesBackClosesTheOtherAsLiquidated() {
        FundingArbEngine engine = sims.engine("leg", Map.of("check_interval_seconds", 1));
        open(engine);
        BigDecimal held = quantity(sims.c, "BTC");

        sims.c.exchange().submit(OrderRequest.market("by-hand-1", "BTC", Side.SELL, held, true));

        ArbPosition closed = closed(engine);
        assertThat(closed.exitReason()).isIn(ExitReasons.LEG_LIQUIDATED, ExitReasons.ALL_LEGS_CLOSED);
    }

    @Test
    void aLegReducedByMoreThanFivePercentIsASevereImbalance() {
        FundingArbEngine engine = sims.engine("imbalance", Map.of("check_interval_seconds", 1, "target_margin", 80));
        open(engine);
        BigDecimal held = quantity(sims.c, "BTC");
        BigDecimal cut = held.multiply(new BigDecimal("0.2")).setScale(3, RoundingMode.DOWN)
                .max(new BigDecimal("0.001"));

        sims.c.exchange().submit(OrderRequest.market("by-hand-2", "BTC", Side.SELL, cut, true));

        ArbPosition closed = closed(engine);
        assertThat(closed.exitReason()).isEqualTo(ExitReasons.SEVERE_IMBALANCE);
    }

    @Test
    void fundingThatErodesBelowTheThresholdClosesOnProfitErosion() {
        FundingArbEngine engine = sims.engine("erosion", Map.of("risk_strategy", "profit_erosion",
                "profit_erosion_threshold", 0.5, "check_interval_seconds", 1));
        open(engine);

        sims.funding.set("a", "BTC", "0.00005"); // too little to open again (under min_profit_rate)
        sims.funding.set("c", "BTC", "-0.00005");

        ArbPosition closed = closed(engine);
        assertThat(closed.exitReason()).isIn(ExitReasons.PROFIT_EROSION, ExitReasons.SEVERE_EROSION,
                ExitReasons.timeout(ExitReasons.PROFIT_EROSION), ExitReasons.timeout(ExitReasons.SEVERE_EROSION));
        assertThat(closed.pnlUsd()).as("PnL booked").isNotNull();
    }

    @Test
    void aPriceRunTowardTheShortLegsLiquidationClosesOnLiquidationRisk() {
        FundingArbEngine engine = sims.engine("liquidation", Map.of("check_interval_seconds", 1,
                "min_liquidation_distance_pct", 0.10));
        ArbPosition position = open(engine);
        BigDecimal mid = sims.a.exchange().book("BTC", 1).bids().get(0).price();

        // the short leg on a loses as the price rises; the sim's 5x position liquidates about 19.5 % above entry, so
        // +12 % leaves it under the 10 % minimum distance
        sims.a.exchange().setMid("BTC", mid.multiply(new BigDecimal("1.12")).setScale(0, RoundingMode.HALF_UP));

        ArbPosition closed = closed(engine);
        assertThat(closed.id()).isEqualTo(position.id());
        assertThat(closed.exitReason()).startsWith("LIQUIDATION_RISK_A");
    }

    @Test
    void aNonEmergencyExitWaitsWhileASpreadIsWideAndClosesOnceItNarrows() throws Exception {
        FundingArbEngine engine = sims.engine("spread", Map.of("risk_strategy", "profit_erosion",
                "profit_erosion_threshold", 0.5, "check_interval_seconds", 1));
        ArbPosition position = open(engine);
        sims.a.exchange().widenSpread("BTC", 1_500); // 3,000 ticks of 1 USD on a 90,000 USD market: over 3 %

        sims.funding.set("a", "BTC", "0.00005"); // too little to open again (under min_profit_rate)
        sims.funding.set("c", "BTC", "-0.00005");
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            engine.tick();
            Thread.sleep(20);
        }
        assertThat(sims.store.find(position.id()).orElseThrow().status()).as("deferred while the spread is wide")
                .isEqualTo(ArbPosition.Status.OPEN);

        sims.a.exchange().widenSpread("BTC", 0);
        ArbPosition closed = closed(engine);
        assertThat(closed.id()).isEqualTo(position.id());
        assertThat(closed.exitReason()).contains("EROSION");
    }
}
