package dev.perpflow.execution;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Limits of a multi-leg execution: legs count as matched within 1 % of each other (the seed's tolerance); the
 * balance must cover the margin with a 5 % buffer; leverage is normalized to the lowest maximum of the venues,
 * capped at {@code maxLeverage}; an unhedged exposure lasting longer than {@code maxExposureWindow} is rolled
 * back instead of hedged further.
 */
public record AtomicSettings(BigDecimal imbalanceTolerance, BigDecimal balanceBuffer, int maxLeverage,
        Duration maxExposureWindow) {

    public static AtomicSettings seed() {
        return new AtomicSettings(new BigDecimal("0.01"), new BigDecimal("1.05"), 5, Duration.ofSeconds(30));
    }

    public AtomicSettings withMaxExposureWindow(Duration window) {
        return new AtomicSettings(imbalanceTolerance, balanceBuffer, maxLeverage, window);
    }
}
