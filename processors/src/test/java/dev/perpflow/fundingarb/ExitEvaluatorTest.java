package dev.perpflow.fundingarb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed's exit waterfall and risk managers, with the seed's test numbers (§11.2). */
class ExitEvaluatorTest {

    private static final Instant OPENED = Instant.parse("2026-03-01T00:00:00Z");

    private static ArbPosition position(String entryDivergence, String currentDivergence, Position longView,
            Position shortView) {
        return new ArbPosition("p1", "run", "BTC",
                new ArbLeg("c", Side.BUY, BigDecimal.ONE, new BigDecimal("90000"), BigDecimal.ZERO, longView),
                new ArbLeg("a", Side.SELL, BigDecimal.ONE, new BigDecimal("90000"), BigDecimal.ZERO, shortView),
                new BigDecimal("90000"), BigDecimal.ZERO, new BigDecimal(entryDivergence), new BigDecimal(entryDivergence),
                OPENED, ArbPosition.Status.OPEN, currentDivergence == null ? null : new BigDecimal(currentDivergence),
                null, BigDecimal.ZERO, 0, null, null, null, null, null, null);
    }

    private static Position view(String venue, String quantity, String mark, String liquidation) {
        return new Position(venue, "BTC", new BigDecimal(quantity), new BigDecimal("90000"), new BigDecimal(mark),
                liquidation == null ? null : new BigDecimal(liquidation), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ONE, BigDecimal.ONE, OPENED);
    }

    private static ExitVerdict evaluate(FundingArbConfig config, ArbPosition position, String longTokens,
            String shortTokens, Duration age, boolean stillTop) {
        return new ExitEvaluator(config).evaluate(position, new BigDecimal(longTokens), new BigDecimal(shortTokens),
                OPENED.plus(age), () -> stillTop);
    }

    private static FundingArbConfig combined(Map<String, Object> extra) {
        return ArbSimVenues.config(extra);
    }

    @Test
    void theSeedsCombinedWaterfall() {
        // min erosion 0.6, max age 100 h, entry divergence 0.05 (seed test_risk_management)
        FundingArbConfig config = combined(Map.of("profit_erosion_threshold", 0.6, "max_position_age_hours", 100));
        assertThat(evaluate(config, position("0.05", "-0.0001", null, null), "1", "1", Duration.ofHours(1), false)
                .reason()).isEqualTo(ExitReasons.DIVERGENCE_FLIPPED);
        assertThat(evaluate(config, position("0.05", "0.009", null, null), "1", "1", Duration.ofHours(1), false)
                .reason()).isEqualTo(ExitReasons.SEVERE_EROSION);
        assertThat(evaluate(config, position("0.05", "0.028", null, null), "1", "1", Duration.ofHours(1), false)
                .reason()).isEqualTo(ExitReasons.PROFIT_EROSION);
        assertThat(evaluate(config, position("0.05", "0.045", null, null), "1", "1", Duration.ofHours(200), false)
                .reason()).isEqualTo(ExitReasons.TIME_LIMIT);
        assertThat(evaluate(config, position("0.05", "0.045", null, null), "1", "1", Duration.ofHours(1), false))
                .isEqualTo(ExitVerdict.hold(null));
    }

    @Test
    void riskExitsWaitForBreakEvenWhileEmergenciesCloseNow() {
        FundingArbConfig config = combined(Map.of());
        ExitVerdict flip = evaluate(config, position("0.05", "-0.01", null, null), "1", "1", Duration.ofHours(1), false);
        assertThat(flip.close()).isTrue();
        assertThat(flip.immediate()).isFalse();
        ExitVerdict missing = evaluate(config, position("0.05", "0.05", null, null), "1", "0", Duration.ofHours(1), false);
        assertThat(missing).isEqualTo(ExitVerdict.closeNow(ExitReasons.LEG_LIQUIDATED, CloseType.DEFAULT));
        assertThat(evaluate(config, position("0.05", "0.05", null, null), "0", "0", Duration.ofHours(1), false).reason())
                .isEqualTo(ExitReasons.ALL_LEGS_CLOSED);
    }

    @Test
    void profitErosionHoldsWhileThePairIsStillTheBestOpportunityButAFlipDoesNot() {
        FundingArbConfig config = combined(Map.of("risk_strategy", "profit_erosion", "profit_erosion_threshold", 0.5));
        assertThat(evaluate(config, position("0.04", "0.015", null, null), "1", "1", Duration.ofHours(1), true))
                .isEqualTo(ExitVerdict.hold(ExitVerdict.HOLD_TOP_OPPORTUNITY));
        assertThat(evaluate(config, position("0.04", "0.015", null, null), "1", "1", Duration.ofHours(1), false).reason())
                .isEqualTo(ExitReasons.PROFIT_EROSION);
        FundingArbConfig flip = combined(Map.of("risk_strategy", "divergence_flip"));
        assertThat(evaluate(flip, position("0.04", "-0.001", null, null), "1", "1", Duration.ofHours(1), true).reason())
                .isEqualTo(ExitReasons.DIVERGENCE_FLIPPED);
    }

    @Test
    void timeBasedRiskExitsOnAgeOnly() {
        FundingArbConfig config = combined(Map.of("risk_strategy", "time_based", "max_position_age_hours", 24));
        assertThat(evaluate(config, position("0.04", "-0.5", null, null), "1", "1", Duration.ofHours(23), false).close())
                .isFalse();
        assertThat(evaluate(config, position("0.04", "0.04", null, null), "1", "1", Duration.ofHours(30), false).reason())
                .isEqualTo(ExitReasons.TIME_LIMIT);
    }

    @Test
    void minimumHoldKeepsAPositionWhoseDivergenceFlipped() {
        FundingArbConfig config = combined(Map.of("min_hold_hours", 2));
        assertThat(evaluate(config, position("0.04", "-0.01", null, null), "1", "1", Duration.ofHours(1), false))
                .isEqualTo(ExitVerdict.hold(ExitVerdict.MIN_HOLD_ACTIVE));
        assertThat(evaluate(config, position("0.04", "-0.01", null, null), "1", "1", Duration.ofHours(3), false).reason())
                .isEqualTo(ExitReasons.DIVERGENCE_FLIPPED);
    }

    @Test
    void aLegNearLiquidationClosesWithLimitOrdersBeforeAnythingElse() {
        FundingArbConfig config = combined(Map.of("min_liquidation_distance_pct", 0.10, "min_hold_hours", 5));
        // short on a: mark 90,000, liquidation 95,000 → 5.6 % away
        ArbPosition position = position("0.04", "0.04", view("c", "1", "90000", "60000"), view("a", "-1", "90000", "95000"));
        assertThat(evaluate(config, position, "1", "1", Duration.ofMinutes(10), false))
                .isEqualTo(ExitVerdict.closeNow("LIQUIDATION_RISK_A", CloseType.LIMIT));
        FundingArbConfig off = combined(Map.of("enable_liquidation_prevention", false));
        assertThat(evaluate(off, position, "1", "1", Duration.ofMinutes(10), false).close()).isFalse();
        assertThat(ExitEvaluator.liquidationDistance(view("a", "-1", "90000", "89000"))).isZero();
    }

    @ParameterizedTest(name = "{0} vs {1} imbalanced: {2}")
    @CsvSource({"72,1,true", "100,90,true", "100,94,true", "100,94.9,true", "100,100,false", "100,96,false",
            "100,95,false", "50,49,false", "50.5,50,false", "0,100,false", "-100,90,true", "90,-100,true"})
    void severeImbalanceIsStrictlyAboveFivePercent(String a, String b, boolean imbalanced) {
        assertThat(ExitEvaluator.isSeverelyImbalanced(new BigDecimal(a), new BigDecimal(b))).isEqualTo(imbalanced);
        assertThat(ExitEvaluator.isSeverelyImbalanced(new BigDecimal(b), new BigDecimal(a))).isEqualTo(imbalanced);
    }
}
