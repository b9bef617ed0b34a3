package dev.perpflow.grid;

import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collection;

/**
 * The grid's price and timing rules, as pure functions (seed-inventory §1.3): take-profit and stop-loss as a
 * percent of margin turned into price moves by the margin ratio, post-only entry prices anchored to the opposite
 * touch, the margin cap, the dynamic cooldown and the grid-step condition.
 */
public final class GridMath {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private GridMath() {
    }

    /** Price move of {@code percentOfMargin} %: × margin ratio (reported, else 1 / leverage). */
    public static BigDecimal priceFraction(BigDecimal percentOfMargin, BigDecimal marginRatio, BigDecimal leverage) {
        BigDecimal ratio = marginRatio != null ? marginRatio
                : leverage != null && leverage.signum() > 0 ? BigDecimal.ONE.divide(leverage, MC) : BigDecimal.ONE;
        return percentOfMargin.divide(HUNDRED, MC).multiply(ratio, MC);
    }

    /** Where the take-profit close goes: above the fill for a long grid, below (never negative) for a short one. */
    public static BigDecimal closePrice(Side direction, BigDecimal fillPrice, BigDecimal fraction) {
        BigDecimal multiplier = direction == Side.BUY ? BigDecimal.ONE.add(fraction)
                : BigDecimal.ONE.subtract(fraction).max(BigDecimal.ZERO);
        return fillPrice.multiply(multiplier, MC);
    }

    /** Stop-loss trigger price for a position entered at {@code entry}. */
    public static BigDecimal stopLossPrice(Side direction, BigDecimal entry, BigDecimal fraction) {
        return direction == Side.BUY ? entry.multiply(BigDecimal.ONE.subtract(fraction), MC)
                : entry.multiply(BigDecimal.ONE.add(fraction), MC);
    }

    public static boolean stopLossTriggered(Side direction, BigDecimal mid, BigDecimal stopPrice) {
        return direction == Side.BUY ? mid.compareTo(stopPrice) <= 0 : mid.compareTo(stopPrice) >= 0;
    }

    /**
     * Post-only entry price anchored to the opposite touch: buy {@code ask − tick × mult}, sell
     * {@code bid + tick × mult}; a buy price at or below zero becomes one tick.
     */
    public static BigDecimal entryPrice(Side direction, Bbo bbo, BigDecimal tick, int multiplier) {
        BigDecimal offset = tick.multiply(BigDecimal.valueOf(multiplier));
        if (direction == Side.BUY) {
            BigDecimal price = bbo.ask().subtract(offset);
            return price.signum() <= 0 ? tick : roundToTick(price, tick, RoundingMode.DOWN);
        }
        return roundToTick(bbo.bid().add(offset), tick, RoundingMode.UP);
    }

    /** Quantity for a notional at a price, on the lot grid. */
    public static BigDecimal entryQuantity(BigDecimal notionalUsd, BigDecimal price, BigDecimal lot) {
        return notionalUsd.divide(price, MC).divide(lot, 0, RoundingMode.DOWN).multiply(lot);
    }

    /** The margin cap: projected margin (current + quantity × price × margin ratio) must not exceed the limit. */
    public static BigDecimal projectedMargin(BigDecimal currentMargin, BigDecimal quantity, BigDecimal price,
            BigDecimal marginRatio) {
        return currentMargin.add(quantity.multiply(price).multiply(marginRatio), MC);
    }

    /**
     * The dynamic cooldown before the next entry: none right after a close filled; otherwise the base wait scaled by
     * how full the grid is (≥ 2/3 → ×2, ≥ 1/3 → ×1, ≥ 1/6 → ×½, else ×¼); {@code null} when the grid is full.
     */
    public static Duration cooldown(int activeCloseOrders, int maxOrders, Duration baseWait, boolean closeJustFilled) {
        if (closeJustFilled) {
            return Duration.ZERO;
        }
        if (activeCloseOrders >= maxOrders) {
            return null;
        }
        double ratio = (double) activeCloseOrders / maxOrders;
        long millis = baseWait.toMillis();
        if (ratio >= 2.0 / 3) {
            return Duration.ofMillis(millis * 2);
        } else if (ratio >= 1.0 / 3) {
            return Duration.ofMillis(millis);
        } else if (ratio >= 1.0 / 6) {
            return Duration.ofMillis(millis / 2);
        }
        return Duration.ofMillis(millis / 4);
    }

    /**
     * The grid-step condition: a new entry's close must be at least {@code gridStep} % away from the nearest
     * existing close (buy grids compare the lowest close with ask × TP multiplier, sell grids the highest close
     * with bid × TP multiplier). Always true without active closes.
     */
    public static boolean gridStepAllows(Side direction, Collection<BigDecimal> closePrices, Bbo bbo,
            BigDecimal takeProfitFraction, BigDecimal gridStepPercent) {
        if (closePrices.isEmpty()) {
            return true;
        }
        BigDecimal step = BigDecimal.ONE.add(gridStepPercent.divide(HUNDRED, MC));
        if (direction == Side.BUY) {
            BigDecimal nextClose = closePrices.stream().min(BigDecimal::compareTo).orElseThrow();
            BigDecimal newClose = closePrice(Side.BUY, bbo.ask(), takeProfitFraction);
            return nextClose.divide(newClose, MC).compareTo(step) > 0;
        }
        BigDecimal nextClose = closePrices.stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal newClose = closePrice(Side.SELL, bbo.bid(), takeProfitFraction);
        return newClose.divide(nextClose, MC).compareTo(step) > 0;
    }

    private static BigDecimal roundToTick(BigDecimal price, BigDecimal tick, RoundingMode mode) {
        return price.divide(tick, 0, mode).multiply(tick);
    }
}
