package dev.perpflow.fundingarb;

import dev.perpflow.exchange.model.Position;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The seed's exit waterfall for one monitored position (pure: the caller supplies snapshots, rates and time):
 * liquidation distance → a missing leg → severe imbalance → minimum hold → the risk strategy, where an eroding
 * position that is still the best opportunity is held.
 */
public final class ExitEvaluator {

    private final FundingArbConfig config;

    public ExitEvaluator(FundingArbConfig config) {
        this.config = config;
    }

    /**
     * @param longTokens   tokens the venue reports on the long leg (unsigned), {@code 0} when flat
     * @param shortTokens  the same for the short leg
     * @param stillTop     whether the pair is still the best tradeable opportunity above the profit floor
     */
    public ExitVerdict evaluate(ArbPosition position, BigDecimal longTokens, BigDecimal shortTokens, Instant now,
            BooleanSupplier stillTop) {
        if (config.enableLiquidationPrevention()) {
            for (ArbLeg leg : new ArbLeg[] {position.longLeg(), position.shortLeg()}) {
                BigDecimal distance = liquidationDistance(leg.snapshot());
                if (distance != null && distance.compareTo(config.minLiquidationDistancePct()) < 0) {
                    return ExitVerdict.closeNow(ExitReasons.liquidationRisk(leg.venue()), CloseType.LIMIT);
                }
            }
        }
        boolean longFlat = longTokens.signum() == 0;
        boolean shortFlat = shortTokens.signum() == 0;
        if (longFlat && shortFlat) {
            return ExitVerdict.closeNow(ExitReasons.ALL_LEGS_CLOSED, CloseType.DEFAULT);
        }
        if (longFlat || shortFlat) {
            return ExitVerdict.closeNow(ExitReasons.LEG_LIQUIDATED, CloseType.DEFAULT);
        }
        if (isSeverelyImbalanced(longTokens, shortTokens)) {
            return ExitVerdict.closeNow(ExitReasons.SEVERE_IMBALANCE, CloseType.DEFAULT);
        }
        BigDecimal age = position.ageHours(now);
        if (age.compareTo(config.minHoldHours()) < 0) {
            return ExitVerdict.hold(ExitVerdict.MIN_HOLD_ACTIVE);
        }
        BigDecimal current = position.currentDivergence() != null ? position.currentDivergence()
                : position.entryDivergence();
        String reason = config.riskStrategy().evaluate(position.entryDivergence(), current, age, config).orElse(null);
        if (reason == null) {
            return ExitVerdict.hold(null);
        }
        if (reason.equals(ExitReasons.PROFIT_EROSION) && stillTop.getAsBoolean()) {
            return ExitVerdict.hold(ExitVerdict.HOLD_TOP_OPPORTUNITY);
        }
        return ExitVerdict.closeWhenBreakEven(reason);
    }

    /**
     * Distance from the mark to the liquidation price as a fraction of the mark (0 when past it), or {@code null}
     * when the venue gives no liquidation price.
     */
    public static BigDecimal liquidationDistance(Position snapshot) {
        if (snapshot == null || snapshot.liquidationPrice() == null || snapshot.markPrice() == null
                || snapshot.markPrice().signum() <= 0 || snapshot.liquidationPrice().signum() <= 0
                || snapshot.isFlat()) {
            return null;
        }
        BigDecimal mark = snapshot.markPrice();
        BigDecimal gap = snapshot.quantity().signum() > 0 ? mark.subtract(snapshot.liquidationPrice())
                : snapshot.liquidationPrice().subtract(mark);
        return gap.signum() <= 0 ? BigDecimal.ZERO : gap.divide(mark, MathContext.DECIMAL64);
    }

    /** The seed's check: (max − min) / max of the legs' token quantities strictly above 5 %. */
    public static boolean isSeverelyImbalanced(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return false;
        }
        BigDecimal x = a.abs();
        BigDecimal y = b.abs();
        if (x.signum() == 0 || y.signum() == 0) {
            return false;
        }
        BigDecimal max = x.max(y);
        return max.subtract(x.min(y)).divide(max, MathContext.DECIMAL64).compareTo(FundingArbConfig.SEVERE_IMBALANCE) > 0;
    }
}
