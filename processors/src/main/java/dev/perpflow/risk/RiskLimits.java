package dev.perpflow.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Hard limits every order passes before it is journaled.
 *
 * @param maxOrderNotionalUsd largest value of one order (quantity × price × multiplier)
 * @param maxOrdersPerSecond  per venue; beyond it orders are refused rather than queued
 */
public record RiskLimits(BigDecimal maxOrderNotionalUsd, int maxOrdersPerSecond) {

    public RiskLimits {
        Objects.requireNonNull(maxOrderNotionalUsd, "maxOrderNotionalUsd");
        if (maxOrderNotionalUsd.signum() <= 0 || maxOrdersPerSecond < 1) {
            throw new IllegalArgumentException("risk limits must be positive");
        }
    }

    public static RiskLimits defaults() {
        return new RiskLimits(new BigDecimal("50000"), 10);
    }
}
