package dev.perpflow.execution;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * What an execution achieved. {@code filled} means at least 99 % of the quantity (the seed's threshold).
 *
 * @param expectedPrice the touch when the execution started (ask to buy, bid to sell)
 * @param slippage      |average − expected| × filled quantity × multiplier, in quote currency
 * @param modeUsed      the mode that finished the job (e.g. MARKET after an aggressive-limit fallback)
 * @param error         why it stopped short, else {@code null}
 */
public record ExecutionResult(boolean filled, BigDecimal filledQuantity, BigDecimal averagePrice, BigDecimal fees,
        BigDecimal expectedPrice, BigDecimal slippage, BigDecimal makerQuantity, BigDecimal takerQuantity,
        ExecutionMode modeUsed, Duration elapsed, List<String> clientOrderIds, String error) {
}
