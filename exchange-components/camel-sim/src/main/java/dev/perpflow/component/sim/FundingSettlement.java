package dev.perpflow.component.sim;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A funding settlement applied to an open position: {@code amount = −quantity × mark × multiplier × rate}
 * (longs pay a positive rate). Recorded so tests and the paper engine can audit funding.
 */
public record FundingSettlement(String symbol, Instant time, BigDecimal rate, BigDecimal quantity, BigDecimal markPrice,
        BigDecimal amount) {
}
