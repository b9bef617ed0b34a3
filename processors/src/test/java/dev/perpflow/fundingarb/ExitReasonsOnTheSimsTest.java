package dev.perpflow.fundingarb;

import static dev.perpflow.fundingarb.ArbSimVenues.quantity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One scenario per exit reason the engine produces, end to end on two simulated venues (long BTC on c, short on a):
 * the venues are driven into the condition, and the engine must close the position with exactly that reason, leave
 * both venues flat, and book a PnL equal to what the two accounts gained or lost (price moves, funding and every
 * fee, as the venues booked them).
 *
 * <p>Funding settles only when a test calls {@link ArbSimVenues#settleFunding()} between two ticks (the venues'
 * own period is an hour, longer than any scenario), so every payment lands on an open position. Exits that wait for
 * break-even get prices set on either side of it, so each reason comes out the same way on every run.
 */
class ExitReasonsOnTheSimsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Offset<BigDecimal> CENT = Offset.offset(new BigDecimal("0.01"));
    /** How far each leg's venue is moved in (or against) the position's favour: far beyond the fees to break even. */
    private static final BigDecimal TWO_PERCENT = new BigDecimal("0.02");

    private final ArbSimVenues sims = new ArbSimVenues(Duration.ofHours(1));
    private BigDecimal balancesBefore;

    @BeforeEach
    void recordBalances() {
        balancesBefore = sims.totalBalance();
    }

    @AfterEach
    void close() {
        sims.close();
    }

    // --- emergencies: closed at once, whatever the break-even ---

    @Test
    void aShortLegRunningTowardItsLiquidationPriceIsClosedOnLiquidationRisk() {
        FundingArbEngine engine = engine("liquidation", Map.of("enable_liquidation_prevention", true,
                "min_liquidation_distance_pct", 0.10));
        ArbPosition position = openWithFunding(engine);
        BigDecimal shortEntry = position.shortLeg().entryPrice();
        BigDecimal longEntry = position.longLeg().entryPrice();

        // the market rallies on both venues, 1 % at a time, each level seen by one monitoring pass: the short leg on
        // a nears its liquidation price
        for (int percent = 1; percent <= 15 && isOpen(position); percent++) {
            BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(percent).movePointLeft(2));
            sims.a.exchange().setMid("BTC", shortEntry.multiply(factor).setScale(0, RoundingMode.HALF_UP));
            sims.c.exchange().setMid("BTC", longEntry.multiply(factor).setScale(0, RoundingMode.HALF_UP));
            Instant priced = sims.clock.instant();
            sims.tickUntil(engine, () -> !isOpen(position) || current(position).lastCheck().isAfter(priced), WAIT);
        }

        ArbPosition closed = closedAndFlat(engine, position);
        assertThat(closed.exitReason()).isEqualTo(ExitReasons.liquidationRisk("a"));
        assertThat(sims.events(ArbEvent.LIQUIDATION_RISK)).singleElement().satisfies(e -> {
            assertThat(e.details()).containsEntry("exchange", "a");
            assertThat((BigDecimal) e.details().get("distance")).isPositive().isLessThan(new BigDecimal("0.10"));
        });
    }

    @Test
    void aLegClosedOnItsVenueBehindTheEnginesBackIsLegLiquidatedAndTheOtherLegIsClosed() {
        FundingArbEngine engine = engine("leg", Map.of());
        ArbPosition position = openWithFunding(engine);

        sims.c.exchange().submit(OrderRequest.market("by-hand-1", "BTC", Side.SELL, quantity(sims.c, "BTC"), true));

        ArbPosition closed = closedAndFlat(engine, position);
        assertThat(closed.exitReason()).isEqualTo(ExitReasons.LEG_LIQUIDATED);
    }

    @Test
    void bothLegsClosedBehindTheEnginesBackAreAllLegsClosed() {
        FundingArbEngine engine = engine("both-legs", Map.of());
        ArbPosition position = openWithFunding(engine);

        sims.c.exchange().submit(OrderRequest.market("by-hand-2", "BTC", Side.SELL, quantity(sims.c, "BTC"), true));
        sims.a.exchange().submit(OrderRequest.market("by-hand-3", "BTC", Side.BUY,
                quantity(sims.a, "BTC").negate(), true));

        ArbPosition closed = closedAndFlat(engine, position);
        assertThat(closed.exitReason()).isEqualTo(ExitReasons.ALL_LEGS_CLOSED);
    }

    @Test
    void aLegReducedOnItsVenueByMoreThanFivePercentIsASevereImbalance() {
        FundingArbEngine engine = engine("imbalance", Map.of());
        ArbPosition position = openWithFunding(engine);
        BigDecimal held = quantity(sims.c, "BTC");
        BigDecimal lot = new BigDecimal("0.001");
        BigDecimal cut = held.multiply(new BigDecimal("0.06")).divide(lot, 0, RoundingMode.UP).multiply(lot);
        assertThat(cut.divide(held, MathContext.DECIMAL64)).as("the cut is over 5 % of the leg").isGreaterThan(
                FundingArbConfig.SEVERE_IMBALANCE);

        sims.c.exchange().submit(OrderRequest.market("by-hand-4", "BTC", Side.SELL, cut, true));

        ArbPosition closed = closedAndFlat(engine, position);
        assertThat(closed.exitReason()).isEqualTo(ExitReasons.SEVERE_IMBALANCE);
    }

    // --- exits that wait for break-even ---

    @Test
    void aPositionOlderThanTheMaximumAgeIsClosedOnTimeLimit() {
        FundingArbEngine engine = engine("age", Map.of("max_position_age_hours", 2));
        ArbPosition position = openWithFunding(engine);      // an hour old now
        assertThat(isOpen(position)).isTrue();

        sims.jump(Duration.ofMinutes(61));                    // past two hours, a second settlement on the way
        pricesInFavour(position, TWO_PERCENT);

        ArbPosition closed = closedAndFlat(engine, position);
        assertThat(closed.exitReason()).isEqualTo(ExitReasons.TIME_LIMIT);
        assertThat(closed.ageHours(closed.closedAt())).isGreaterThanOrEqualTo(new BigDecimal("2"));
    }

    @Test
    void aDivergenceBelowTheErosionThresholdIsClosedOnProfitErosion() {
        FundingArbEngine engine = engine("erosion", Map.of("risk_strategy", "profit_erosion",
                "profit_erosion_threshold", 0.5));
        ArbPosition position = openWithFunding(engine);

        erodeDivergenceToASixth();
        pricesInFavour(position, TWO_PERCENT);

        ArbPosition closed = closedAndFlat(engine, position);
        assertThat(closed.exitReason()).isEqualTo(ExitReasons.PROFIT_EROSION);
    }

    @Test
    void aDivergenceBelowTheSevereRatioIsClosedOnSevereErosionByTheCombinedStrategy() {
        FundingArbEngine engine = engine("severe", Map.of("risk_strategy", "combined"));
        ArbPosition position = openWithFunding(engine);

        erodeDivergenceToASixth();                            // 1/6 < the severe ratio 0.2
        pricesInFavour(position, TWO_PERCENT);

        ArbPosition closed = closedAndFlat(engine, position);
        assertThat(closed.exitReason()).isEqualTo(ExitReasons.SEVERE_EROSION);
    }

    @Test
    void aFlippedDivergenceIsClosedOnDivergenceFlipped() {
        FundingArbEngine engine = engine("flip", Map.of());
        ArbPosition position = openWithFunding(engine);

        sims.funding.set("a", "BTC", "-0.0002");
        sims.funding.set("c", "BTC", "0.0001");
        pricesInFavour(position, TWO_PERCENT);

        ArbPosition closed = closedAndFlat(engine, position);
        assertThat(closed.exitReason()).isEqualTo(ExitReasons.DIVERGENCE_FLIPPED);
    }

    @Test
    void anExitThatNeverReachesBreakEvenIsClosedWithTheTimeoutReasonAfterTenMinutes() {
        FundingArbEngine engine = engine("timeout", Map.of("risk_strategy", "profit_erosion",
                "profit_erosion_threshold", 0.5));
        ArbPosition position = openWithFunding(engine);

        erodeDivergenceToASixth();
        pricesInFavour(position, TWO_PERCENT.negate());
        sims.tickUntil(engine, () -> current(position).exitPolling() != null, WAIT);
        ArbPosition waiting = current(position);
        assertThat(waiting.status()).isEqualTo(ArbPosition.Status.OPEN);
        assertThat(waiting.exitPolling().reason()).isEqualTo(ExitReasons.PROFIT_EROSION);

        sims.jump(FundingArbConfig.EXIT_POLLING_MAX);

        ArbPosition closed = closedAndFlat(engine, position);
        assertThat(closed.exitReason()).isEqualTo(ExitReasons.timeout(ExitReasons.PROFIT_EROSION));
        assertThat(closed.pnlUsd()).as("closed at a loss: break-even was never there").isNegative();
    }

    @Test
    void aNonEmergencyExitIsDeferredWhileASpreadIsOverTwoPercentAndClosesOnceItNarrows() throws Exception {
        FundingArbEngine engine = engine("spread", Map.of("risk_strategy", "profit_erosion",
                "profit_erosion_threshold", 0.5));
        ArbPosition position = openWithFunding(engine);

        sims.a.exchange().widenSpread("BTC", 1_500);          // 3,000 ticks of 1 USD around ~90,000: over 3 %
        erodeDivergenceToASixth();
        pricesInFavour(position, TWO_PERCENT);
        for (int i = 0; i < 10; i++) {
            engine.tick();
            Thread.sleep(20);
        }
        assertThat(current(position).status()).as("deferred while the spread is wide").isEqualTo(ArbPosition.Status.OPEN);
        assertThat(current(position).exitPolling()).as("deferral is not break-even polling").isNull();
        assertThat(sims.events("exit_deferred")).isNotEmpty().allSatisfy(e -> assertThat(e.message())
                .contains(ExitReasons.PROFIT_EROSION));
        assertThat(quantity(sims.c, "BTC")).isPositive();

        sims.a.exchange().widenSpread("BTC", 0);

        ArbPosition closed = closedAndFlat(engine, position);
        assertThat(closed.exitReason()).isEqualTo(ExitReasons.PROFIT_EROSION);
    }

    // --- helpers ---

    private FundingArbEngine engine(String runId, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of("check_interval_seconds", 1));
        config.putAll(overrides);
        return sims.singlePositionEngine(runId, config);
    }

    /** Opens the position and lets one funding settlement pay both legs, seen by the engine. */
    private ArbPosition openWithFunding(FundingArbEngine engine) {
        sims.tickUntil(engine, () -> sims.only(ArbPosition.Status.OPEN).isPresent(), WAIT);
        ArbPosition opened = sims.only(ArbPosition.Status.OPEN).orElseThrow();
        assertThat(opened.longDex()).isEqualTo("c");
        assertThat(opened.shortDex()).isEqualTo("a");
        sims.settleFunding();
        sims.tickUntil(engine, () -> current(opened).cumulativeFunding().signum() > 0, WAIT);
        return current(opened);
    }

    /** Both venues' rates close in: the divergence is a sixth of the entry's, and no longer worth entering. */
    private void erodeDivergenceToASixth() {
        sims.funding.set("a", "BTC", "0.00005");
        sims.funding.set("c", "BTC", "-0.00005");
    }

    /** Moves the long leg's venue up and the short leg's venue down by {@code fraction} of their entry prices. */
    private void pricesInFavour(ArbPosition position, BigDecimal fraction) {
        sims.c.exchange().setMid("BTC", position.longLeg().entryPrice().multiply(BigDecimal.ONE.add(fraction))
                .setScale(0, RoundingMode.HALF_UP));
        sims.a.exchange().setMid("BTC", position.shortLeg().entryPrice().multiply(BigDecimal.ONE.subtract(fraction))
                .setScale(0, RoundingMode.HALF_UP));
    }

    private ArbPosition current(ArbPosition position) {
        return sims.store.find(position.id()).orElseThrow();
    }

    private boolean isOpen(ArbPosition position) {
        return current(position).status() == ArbPosition.Status.OPEN;
    }

    /**
     * Ticks until the position is closed, then checks what every exit must leave behind: nothing held of it on
     * either venue, no other position of the run, and a booked PnL equal to the change of the venues' balances.
     */
    private ArbPosition closedAndFlat(FundingArbEngine engine, ArbPosition position) {
        sims.tickUntil(engine, () -> current(position).status() == ArbPosition.Status.CLOSED, WAIT);
        ArbPosition closed = current(position);
        assertThat(sims.position("a")).as("short venue flat").isEmpty();
        assertThat(sims.position("c")).as("long venue flat").isEmpty();
        assertThat(sims.store.all()).as("the run held this one position only").singleElement()
                .extracting(ArbPosition::id).isEqualTo(position.id());
        assertThat(closed.cumulativeFunding()).as("funding received").isPositive();
        BigDecimal venuesResult = sims.totalBalance().subtract(balancesBefore);
        assertThat(closed.pnlUsd()).as("PnL = price moves + funding − fees, as the venues booked them")
                .isCloseTo(venuesResult, CENT);
        assertThat(sims.events(ArbEvent.POSITION_CLOSED)).singleElement().satisfies(e -> {
            assertThat(e.details()).containsEntry("reason", closed.exitReason());
            assertThat((BigDecimal) e.details().get("pnl_usd")).isEqualByComparingTo(closed.pnlUsd());
        });
        return closed;
    }
}
