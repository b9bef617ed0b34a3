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
 * @param unresolvedOrderIds orders of this execution that may still be working or fill at the venue: their cancel
 *                      could not be confirmed or their submit's outcome is unknown. They are journaled with a
 *                      cancel request (cancelled whenever seen working); until then {@code filledQuantity} may
 *                      understate what the venue holds, so callers must not take the leg as settled.
 */
public record ExecutionResult(boolean filled, BigDecimal filledQuantity, BigDecimal averagePrice, BigDecimal fees,
        BigDecimal expectedPrice, BigDecimal slippage, BigDecimal makerQuantity, BigDecimal takerQuantity,
        ExecutionMode modeUsed, Duration elapsed, List<String> clientOrderIds, String error,
        List<String> unresolvedOrderIds) {

    /** Whether every order of this execution is known to have ended (none may still be working or fill). */
    public boolean settled() {
        return unresolvedOrderIds.isEmpty();
    }
}
